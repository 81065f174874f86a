// `tsx scripts/bench-workbook.ts N`: the workbook benchmark alone, in a fresh process, printing
// its figures as JSON. bench.ts runs it this way so the peak memory is the workbook's own and not
// what the million-row import before it left in the heap.
import { runWorkbookBenchmark } from '../src-main/backend/export/workbook-benchmark'

void runWorkbookBenchmark(Number(process.argv[2] ?? 100_000)).then((figures) => console.log(JSON.stringify(figures)))
