import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState } from 'react';
import type { McLookups } from '../../modeler/properties/mc-lookups';
import { loadUnits } from './modeler-lookups';

const NO_UNITS: ReadonlySet<string> = new Set();

/** Loads the unit tree into the panel's unit picker; returns the known unit codes. */
export function useUnits(modeler: Modeler | null): ReadonlySet<string> {
  const [codes, setCodes] = useState<ReadonlySet<string>>(NO_UNITS);
  useEffect(() => {
    if (!modeler) return;
    let cancelled = false;
    loadUnits()
      .then((units) => {
        if (cancelled) return;
        modeler.get<McLookups>('mcLookups').setUnits(units);
        setCodes(new Set(units.map((unit) => unit.code)));
      })
      // Without the tree the picker still offers the relative units; nothing to tell the user.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [modeler]);
  return codes;
}
