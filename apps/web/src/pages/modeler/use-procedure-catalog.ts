import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect } from 'react';
import type { McLookups } from '../../modeler/properties/mc-lookups';
import { loadProcedures } from './modeler-lookups';

/** Loads the procedure catalog into the panel's procedure picker. */
export function useProcedureCatalog(modeler: Modeler | null): void {
  useEffect(() => {
    if (!modeler) return;
    let cancelled = false;
    loadProcedures()
      .then((procedures) => {
        if (!cancelled) modeler.get<McLookups>('mcLookups').setProcedures(procedures);
      })
      // Without the catalog the picker still shows the drawn code (marked as not in the catalog).
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [modeler]);
}
