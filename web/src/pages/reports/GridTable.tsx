import { Button, Typography } from 'antd';
import type { ReportGrid } from './types';
import './reports.css';

interface GridTableProps {
  grid: ReportGrid;
  /** Opens the records behind a figure; without it figures are plain text. */
  onFigure?: (key: string, label: string) => void;
  /** The heading above already names the table: the caption stays for screen readers only. */
  captionHidden?: boolean;
}

/** A table of the report exactly as the national template lays it out (merged headers, numbering); each figure is a button (reachable by keyboard) opening its records. */
export function GridTable({ grid, onFigure, captionHidden }: GridTableProps) {
  return (
    <div className="report-grid-scroll">
      <table className="report-grid">
        <caption className={captionHidden ? 'report-sr-only' : undefined}>
          <Typography.Text strong>{grid.caption}</Typography.Text>
        </caption>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                cell.head ? (
                  <th key={c} colSpan={cell.colspan} rowSpan={cell.rowspan} scope={cell.colspan && cell.colspan > 1 ? 'colgroup' : 'row'}>
                    {cell.text}
                  </th>
                ) : (
                  <td key={c} colSpan={cell.colspan} rowSpan={cell.rowspan}>
                    {onFigure && cell.key ? (
                      <Button type="link" size="small" className="report-figure" onClick={() => onFigure(cell.key!, `${grid.caption}：${cell.text}`)} aria-label={`查看构成该数字的记录（${cell.text}）`}>
                        {cell.text}
                      </Button>
                    ) : (
                      cell.text
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
