import { loadManifest, type Manifest } from './manifest.js';
import { dependentsFirst } from './manifest.js';

/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;
export const DEFAULT_GROUP_SIZE = 50;

export interface MatrixGroup {
  /** `03-of-20`: sortable, and readable as a job name. */
  readonly group: string;
  readonly index: number;
  /** Comma-separated, as the action's `components` input takes them. */
  readonly components: string;
  readonly count: number;
}

export interface Matrix {
  readonly include: MatrixGroup[];
}

/**
 * Splits components into groups for a GitHub Actions matrix, dependents before dependencies
 * (so group 1 holds the components nothing else needs), every component in exactly one group.
 * A group size that would exceed the 256-job limit is raised to fit.
 */
export function planMatrix(manifest: Manifest, names: Iterable<string>, groupSize = DEFAULT_GROUP_SIZE): Matrix {
  const ordered = dependentsFirst(manifest, names);
  const size = Math.max(1, groupSize, Math.ceil(ordered.length / MAX_MATRIX_JOBS));
  const total = Math.ceil(ordered.length / size);
  const width = String(total).length;
  const include: MatrixGroup[] = [];
  for (let i = 0; i < total; i++) {
    const members = ordered.slice(i * size, (i + 1) * size);
    include.push({ group: `${String(i + 1).padStart(width, '0')}-of-${total}`, index: i + 1, components: members.join(','), count: members.length });
  }
  return { include };
}

/** Adds `matrix` (component groups for a GitHub Actions matrix job) to a JSON result. */
export async function withMatrix<T extends object>(root: string, result: T, names: readonly string[], groupSize?: number): Promise<T & { matrix: Matrix }> {
  const manifest = await loadManifest(root);
  return { ...result, matrix: planMatrix(manifest, names, groupSize) };
}
