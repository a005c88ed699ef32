import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './instance.css';

/** An element of the deployed diagram, as the page names it. */
export interface DiagramElementInfo {
  type: string;
  name?: string | null;
}

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport'): void;
}
interface ElementRegistry {
  get(id: string): { businessObject?: { $type: string; name?: string } } | undefined;
}

/** The markers the page puts on the diagram, in the order they are drawn (the last wins in CSS). */
export interface DiagramMarks {
  completed: string[];
  active: string[];
  incidents: string[];
}

/**
 * The deployed XML in a read-only bpmn-js viewer (pan and zoom), with the path taken (`mc-path`),
 * the elements the tokens stand at (`mc-token`) and the elements with an open incident
 * (`mc-incident`) marked. `onElements` answers the names of the diagram's elements.
 */
export function InstanceDiagram(props: {
  xml: string;
  marks: DiagramMarks;
  onElements(lookup: (id: string) => DiagramElementInfo | undefined): void;
  onError(): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);
  const { xml, marks, onElements, onError } = props;

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current });
    setViewer(instance);
    return () => {
      instance.destroy();
      setViewer(null);
    };
  }, []);

  useEffect(() => {
    if (!viewer) return;
    let stale = false;
    viewer.importXML(xml).then(
      () => {
        if (stale) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        const mark = (ids: string[], marker: string) =>
          ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
        mark(marks.completed, 'mc-path');
        mark(marks.active, 'mc-token');
        mark(marks.incidents, 'mc-incident');
        canvas.zoom('fit-viewport');
        onElements((id) => {
          const bo = registry.get(id)?.businessObject;
          return bo && { type: bo.$type, name: bo.name };
        });
      },
      () => {
        if (!stale) onError();
      },
    );
    return () => {
      stale = true;
    };
  }, [viewer, xml, marks, onElements, onError]);

  return <div ref={container} className="mc-instance-diagram" data-testid="instance-diagram" />;
}
