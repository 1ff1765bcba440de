// `npm run bench`: every performance figure in docs/design.md, measured on this
// machine and printed as a table against its budget. Exits non-zero when a
// figure is over budget.
import { simulatorFigures } from './simulator';
import { passes, renderTable, type Figure } from './table';

const figures: Figure[] = [...simulatorFigures()];
console.log(renderTable(figures));
const over = figures.filter((f) => !passes(f));
if (over.length > 0) {
  console.error(`\n${over.length} figure(s) over budget.`);
  process.exitCode = 1;
}
