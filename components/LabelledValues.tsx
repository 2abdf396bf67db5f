/** "Job title: Buyer · Phone: 012 …": the non-empty values an offer would write, each after its label. */
export function LabelledValues({ lines }: { lines: readonly (readonly [string, string | null | undefined])[] }) {
  return (
    <>
      {lines
        .filter((line): line is readonly [string, string] => !!line[1])
        .map(([label, value], i) => (
          <span key={label}>
            {i > 0 ? ' · ' : ''}
            {label}: <bdi>{value}</bdi>
          </span>
        ))}
    </>
  );
}
