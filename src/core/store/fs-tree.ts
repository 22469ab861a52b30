import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UnsafeTreeError, type TreeFile } from './tree.js';

/**
 * Reads a directory as a tree, never following a symbolic link: a link is reported as a link
 * (mode 120000, its target as content), so reading a store entry cannot be led outside it.
 */
export async function* readDirTree(dir: string, prefix = '', skip?: (rel: string) => boolean): AsyncGenerator<TreeFile> {
  const names = await readdir(dir, { withFileTypes: true });
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const dirent of names) {
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    const abs = join(dir, dirent.name);
    if (skip?.(rel)) continue;
    if (dirent.isSymbolicLink()) {
      yield { path: rel, mode: '120000', data: Buffer.from(await readlink(abs, { encoding: 'buffer' })) };
    } else if (dirent.isDirectory()) {
      yield* readDirTree(abs, rel, skip);
    } else if (dirent.isFile()) {
      const stat = await lstat(abs);
      // Git keeps only the owner's execute bit; so does the hash, whatever the umask did to the rest.
      yield { path: rel, mode: stat.mode & 0o100 ? '100755' : '100644', data: await readFile(abs) };
    } else {
      throw new UnsafeTreeError(rel, 'is not a regular file, directory or symbolic link');
    }
  }
}

/**
 * Writes a checked tree into an empty directory. Regular files are written first (`wx`: never over
 * something already there) and links last, so no write can pass through a link the tree made.
 */
export class TreeWriter {
  private readonly links: TreeFile[] = [];

  constructor(readonly dir: string) {}

  async write(file: TreeFile): Promise<void> {
    if (file.mode === '120000') {
      this.links.push(file);
      return;
    }
    const abs = join(this.dir, ...file.path.split('/'));
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, file.data, { flag: 'wx', mode: file.mode === '100755' ? 0o755 : 0o644 });
  }

  async finish(): Promise<void> {
    for (const link of this.links) {
      const abs = join(this.dir, ...link.path.split('/'));
      await mkdir(dirname(abs), { recursive: true });
      await symlink(link.data.toString('utf8'), abs);
    }
    this.links.length = 0;
  }
}
