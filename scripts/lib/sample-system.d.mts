export interface ComponentRepo {
  name: string;
  dir: string;
  versions: Array<{ tag: string; commit: string }>;
  dependsOn: string[];
}
export interface SampleSystem {
  base: string;
  meta: string;
  components: ComponentRepo[];
}
export interface SampleOptions {
  names?: string[];
  versions?: string[];
  envs?: string[];
  checkouts?: string[];
  extraCommits?: number;
  fileBytes?: number;
  chain?: boolean;
}
export function git(cwd: string, args: string[], extraEnv?: Record<string, string>): string;
export function initRepo(dir: string): void;
export function commitFiles(dir: string, files: Record<string, string>, message: string): string;
export function createComponentRepo(dir: string, name: string, versions: string[], options?: { extraCommits?: number; fileBytes?: number }): Omit<ComponentRepo, 'dependsOn'>;
export function lockText(input: { env?: string; generatedAt: string; pins: Array<{ name: string; version: string; commit: string; repo: string; dependsOn?: string[] }> }): string;
export function manifestText(components: Array<{ name: string; repo: string; version?: string; type?: string; dependsOn?: string[] }>, options?: { header?: string }): string;
export function createSampleSystem(base: string, options?: SampleOptions): SampleSystem;
export function addHttpHealthCheck(meta: string, component: string, url: string): void;
