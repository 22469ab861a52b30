// Every REST operation the forge implements, keyed by OpenAPI method + template.
import { checkRoutes } from './checks.js';
import { commentRoutes } from './comments.js';
import { compareRoutes } from './compare.js';
import type { RouteTable } from './context.js';
import { gitDataRoutes } from './git-data.js';
import { pullRoutes } from './pulls.js';
import { refRoutes } from './refs.js';
import { repoRoutes } from './repos.js';

export const restRoutes: RouteTable = {
  ...repoRoutes,
  ...refRoutes,
  ...gitDataRoutes,
  ...pullRoutes,
  ...commentRoutes,
  ...compareRoutes,
  ...checkRoutes,
};
