/**
 * Picks one of a list of named records (reps, pipelines), or none in particular: the first choice, named by `all`
 * ("All reps", "The team"), stands for null.
 */
export function NamedSelect({
  label,
  all,
  options,
  value,
  onChange,
}: {
  label: string;
  all: string;
  options: readonly { id: string; name: string }[];
  value: string | null;
  onChange(id: string | null): void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
