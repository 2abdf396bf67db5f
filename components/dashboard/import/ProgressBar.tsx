/** A progress bar a screen reader can read: its name, the numbers and the same text the eye sees. */
export function ProgressBar({
  label,
  done,
  total,
  text,
}: {
  label: string;
  done: number;
  total: number;
  text: string;
}) {
  const share = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div class="imp-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        class="imp-progress-track"
      >
        <div class="imp-progress-fill" style={{ width: `${share}%` }} />
      </div>
      <span aria-hidden="true">{text}</span>
    </div>
  );
}
