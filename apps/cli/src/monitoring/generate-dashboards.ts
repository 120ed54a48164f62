// `npm run dashboards`: regenerates deploy/grafana/dashboards/*.json from the TypeScript definitions.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DASHBOARD_DIR, renderedDashboards } from './dashboards';

for (const [file, json] of renderedDashboards()) {
  writeFileSync(path.join(DASHBOARD_DIR, file), json);
  process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(DASHBOARD_DIR, file))}\n`);
}
