/** The rows of an answer as a table, with the truncation the API reported. */
import { formatCell } from '../lib/format';

export function ResultTable({ columns, rows, truncated }: { columns: string[]; rows: unknown[][]; truncated: boolean }) {
  if (columns.length === 0) return null;
  const numeric = columns.map((_, j) => rows.length > 0 && rows.every((r) => r[j] === null || typeof r[j] === 'number'));
  return (
    <div>
      <div className="max-h-80 overflow-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-result-table>
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              {columns.map((c, j) => (
                <th key={c} scope="col" className={`whitespace-nowrap px-3 py-2 text-xs font-semibold text-slate-600 ${numeric[j] ? 'text-right' : 'text-left'}`}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {rows.map((row, i) => (
              <tr key={i} className="hover:bg-slate-50">
                {row.map((v, j) => (
                  <td key={j} className={`whitespace-nowrap px-3 py-1.5 ${numeric[j] ? 'text-right tabular-nums' : ''}`}>
                    {formatCell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-1.5 text-xs text-slate-500" data-row-note>
        {truncated
          ? `Showing the first ${rows.length} rows; the query returned more (answers are capped at ${rows.length} rows).`
          : `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`}
      </p>
    </div>
  );
}
