import { listDefinitions } from '../../api/definitions.api';

/** A deployed process key with its versions, newest first (the catalog's process picker). */
export interface DeployedProcess {
  key: string;
  name: string;
  versions: number[];
}

const PAGE = 200;

/** Every deployed key and version (`GET /api/definitions`, all pages), by key. */
export async function deployedProcesses(): Promise<DeployedProcess[]> {
  const byKey = new Map<string, DeployedProcess>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await listDefinitions(PAGE, offset);
    for (const item of page.items) {
      const entry = byKey.get(item.key) ?? { key: item.key, name: item.name, versions: [] };
      entry.versions.push(item.version);
      byKey.set(item.key, entry);
    }
    if (offset + PAGE >= page.total) break;
  }
  return [...byKey.values()].map((p) => ({ ...p, versions: p.versions.sort((a, b) => b - a) }));
}
