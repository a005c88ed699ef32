import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef, useState } from 'react';
import { heatColor, type HeatmapMeasure } from './heatmap.scale';
import type { HeatmapReport } from './reports.api';

interface Shape {
  id: string;
  type: string;
}
interface ElementRegistry {
  filter(fn: (element: Shape) => boolean): Shape[];
  getGraphics(id: string): SVGElement | null;
}
interface Overlays {
  add(id: string, overlay: { position: { bottom: number; left: number }; html: HTMLElement }): void;
  clear(): void;
}

const TASK = /Task$/;
const hours = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The overlay under a step: its count, median working time and overdue rate in the period. */
function overlayOf(element: HeatmapReport['elements'][number] | undefined, id: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'heatmap-overlay';
  box.dataset.testid = `heat-${id}`;
  box.style.cssText =
    'font-size:11px;line-height:14px;background:rgba(255,255,255,.92);border:1px solid #d9d9d9;border-radius:3px;padding:1px 4px;width:100px';
  box.textContent = element
    ? `${element.completed} bước · TV ${hours(element.medianWorkingHours)} giờ · ${hours(element.overdueRate * 100)}% quá hạn`
    : '0 bước';
  return box;
}

/** A procedure's diagram (read only, pan and zoom) with each task coloured by `measure` and its figures below it. */
export function HeatmapDiagram({
  report,
  measure,
  testId,
}: {
  report: HeatmapReport;
  measure: HeatmapMeasure;
  testId: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const instance = new NavigatedViewer({ container: container.current! });
    let alive = true;
    instance.importXML(report.xml).then(
      () => {
        if (!alive) return;
        (instance.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        setViewer(instance);
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
      instance.destroy();
    };
  }, [report.xml]);

  useEffect(() => {
    if (!viewer) return;
    const registry = viewer.get('elementRegistry') as ElementRegistry;
    const overlays = viewer.get('overlays') as Overlays;
    overlays.clear();
    const figures = new Map(report.elements.map((e) => [e.elementId, e]));
    for (const shape of registry.filter((e) => TASK.test(e.type))) {
      const element = figures.get(shape.id);
      const color = heatColor(measure, element?.[measure]);
      const rect = registry.getGraphics(shape.id)?.querySelector<SVGRectElement>('.djs-visual > rect');
      if (rect) {
        rect.style.fill = color;
        rect.dataset.heat = color;
      }
      overlays.add(shape.id, { position: { bottom: 16, left: 0 }, html: overlayOf(element, shape.id) });
    }
  }, [viewer, report.elements, measure]);

  return (
    <div data-testid={testId} data-ready={viewer ? 'true' : 'false'}>
      {failed && <div>Không hiển thị được sơ đồ quy trình.</div>}
      <div ref={container} style={{ height: 420, border: '1px solid #f0f0f0', background: '#fff' }} />
    </div>
  );
}
