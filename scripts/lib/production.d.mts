export interface Production {
  readonly url: string;
  healthUrl(name: string): string;
  close(): Promise<void>;
}
export function startProduction(verdict: (name: string, env: string) => number): Promise<Production>;
