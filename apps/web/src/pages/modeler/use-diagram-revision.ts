import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState } from 'react';

/** A number that changes whenever the diagram does (an edit, undo/redo, or a new import). */
export function useDiagramRevision(modeler: Modeler | null): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!modeler) return;
    const bump = () => setRevision((value) => value + 1);
    modeler.on('commandStack.changed', bump);
    modeler.on('import.done', bump);
    return () => {
      modeler.off('commandStack.changed', bump);
      modeler.off('import.done', bump);
    };
  }, [modeler]);
  return revision;
}
