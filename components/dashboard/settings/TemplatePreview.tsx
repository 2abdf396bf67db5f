import type { TemplatePiece } from '@/lib/templates/render';

/**
 * The filled template as the customer will read it, each field's value marked: a field with nothing to fill and a
 * name that is no field are marked apart, so the rep sees them before anyone else does.
 */
export function TemplatePreview({ pieces, label }: { pieces: TemplatePiece[]; label: string }) {
  return (
    <section class="template-preview" aria-label={label} dir="auto">
      {pieces.map((piece, i) => {
        if ('text' in piece) return piece.text;
        if (!piece.known) {
          return (
            <mark key={i} class="unknown">
              {piece.field}
            </mark>
          );
        }
        return (
          <mark key={i} class={piece.value === null ? 'missing' : undefined}>
            {piece.value ?? `[${piece.field}]`}
          </mark>
        );
      })}
    </section>
  );
}
