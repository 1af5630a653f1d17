/** A header row of column names, with an optional last column whose name only screen readers hear (row buttons). */
export function TableHead({ columns, hidden }: { columns: readonly string[]; hidden?: string | undefined }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        {hidden !== undefined ? (
          <th scope="col">
            <span className="sr-only">{hidden}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
