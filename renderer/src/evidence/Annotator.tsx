// A simple annotation editor: arrows, circles, rectangles and text drawn on
// a canvas over the picture, then sent as shapes to evidence.annotate, which
// draws them on a copy. The original is never changed.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { SHAPE_COLORS, type Photo, type Shape } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { Modal } from '../app/Modal';
import { photoUrl } from './files';
import { drawShapes, shapeFromDrag, type Tool } from './shapes';
import { useTranslation } from 'react-i18next';

const TOOLS: Tool[] = ['arrow', 'circle', 'rect', 'text'];

interface Props {
  photo: Photo;
  onSaved(p: Photo): void;
  onClose(): void;
}

export function Annotator({ photo, onSaved, onClose }: Props) {
  const client = useClient();
  const { t } = useTranslation('evidence');
  const canvas = useRef<HTMLCanvasElement>(null);
  const img = useRef<HTMLImageElement>(null);
  const [shapes, setShapes] = useState<Shape[]>(photo.annotation ?? []);
  const [tool, setTool] = useState<Tool>('arrow');
  const [color, setColor] = useState<Shape['color']>('red');
  const [text, setText] = useState('');
  const [drag, setDrag] = useState<{ x: number; y: number; cur: Shape | null } | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Esc or Cancel with marks not yet saved asks before throwing them away.
  const [discarding, setDiscarding] = useState(false);
  const changed = JSON.stringify(shapes) !== JSON.stringify(photo.annotation ?? []);
  const cancel = () => (changed ? setDiscarding(true) : onClose());

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !size) return;
    drawShapes(ctx, drag?.cur ? [...shapes, drag.cur] : shapes, c.width, c.height);
  }, [shapes, drag, size]);

  function measure() {
    const i = img.current;
    if (i) setSize({ w: i.clientWidth, h: i.clientHeight });
  }

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height };
  };
  const aspect = size ? size.w / size.h : 1;

  function down(e: PointerEvent<HTMLCanvasElement>) {
    const p = at(e);
    if (tool === 'text') {
      const s = shapeFromDrag('text', color, p.x, p.y, p.x, p.y, aspect, text);
      if (s) setShapes((list) => [...list, s]);
      else setError(t('annotate.textFirst'));
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x: p.x, y: p.y, cur: null });
  }
  function move(e: PointerEvent<HTMLCanvasElement>) {
    if (!drag) return;
    const p = at(e);
    setDrag({ ...drag, cur: shapeFromDrag(tool, color, drag.x, drag.y, p.x, p.y, aspect, text) });
  }
  function up(e: PointerEvent<HTMLCanvasElement>) {
    if (!drag) return;
    const p = at(e);
    const s = shapeFromDrag(tool, color, drag.x, drag.y, p.x, p.y, aspect, text);
    if (s) setShapes((list) => [...list, s]);
    setDrag(null);
  }

  async function save() {
    setSaving(true);
    try {
      onSaved(await client.call('evidence.annotate', { id: photo.id, shapes }));
    } catch (err) {
      setError(describeError(err).title);
      setSaving(false);
    }
  }

  return (
    <Modal labelledBy="annotate-title" className="ev-annotator" closeOnBackdrop={false} onClose={() => (discarding ? setDiscarding(false) : cancel())}>
        <h2 id="annotate-title">{t('annotate.title')}</h2>
        <p className="text-muted">{t('annotate.intro')}</p>
        <div className="ev-annotator__tools" role="toolbar" aria-label={t('annotate.tools')}>
          {TOOLS.map((tl) => (
            <button key={tl} type="button" className="btn btn--small" aria-pressed={tool === tl} onClick={() => setTool(tl)}>{t(`annotate.tool.${tl}`)}</button>
          ))}
          <label className="ev-annotator__color">{t('annotate.colour')}{' '}
            <select value={color} onChange={(e) => setColor(e.target.value as Shape['color'])}>
              {SHAPE_COLORS.map((c) => <option key={c} value={c}>{t(`annotate.color.${c}`)}</option>)}
            </select>
          </label>
          {tool === 'text' && (
            <label className="ev-annotator__text">{t('annotate.text')}{' '}
              <input type="text" value={text} maxLength={200} onChange={(e) => { setText(e.target.value); setError(null); }} />
            </label>
          )}
          <button type="button" className="btn btn--small" disabled={!shapes.length} onClick={() => setShapes((l) => l.slice(0, -1))}>{t('annotate.undo')}</button>
          <button type="button" className="btn btn--small" disabled={!shapes.length} onClick={() => setShapes([])}>{t('annotate.clear')}</button>
        </div>
        <div className="ev-annotator__stage">
          <img ref={img} src={photoUrl('report', photo.sha256)} alt={photo.caption || t('annotate.alt')} onLoad={measure} draggable={false} />
          {size && (
            <canvas
              ref={canvas}
              width={size.w}
              height={size.h}
              style={{ width: size.w, height: size.h }}
              aria-label={t('annotate.area')}
              data-testid="annotate-canvas"
              onPointerDown={down}
              onPointerMove={move}
              onPointerUp={up}
            />
          )}
        </div>
        <p className="text-muted" role="status">{t('annotate.marks', { count: shapes.length })}</p>
        {error && <p className="field__error" role="alert">{error}</p>}
        {discarding ? (
          <div className="form__actions" role="group" aria-labelledby="discard-q">
            <p id="discard-q" className="field__error">{t('annotate.discardQ', { count: shapes.length })}</p>
            <button type="button" className="btn" autoFocus onClick={() => setDiscarding(false)}>{t('annotate.keep')}</button>
            <button type="button" className="btn btn--danger" onClick={onClose}>{t('annotate.discard')}</button>
          </div>
        ) : (
          <div className="form__actions">
            <button type="button" className="btn" onClick={cancel}>{t('cancel')}</button>
            <button type="button" className="btn btn--primary" disabled={saving} onClick={() => void save()}>{saving ? t('saving') : t('annotate.save')}</button>
          </div>
        )}
    </Modal>
  );
}
