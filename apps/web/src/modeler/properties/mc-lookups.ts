import type { Schemas } from '../../api/schemas';

/** A unit of the directory (`GET /api/units`), as the unit picker lists it. */
export interface UnitOption {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

/** A procedure's legal processing time as the catalog gives it (`legalTime`). */
export type LegalTime = Schemas['LegalTimeDto'];

/** A catalog entry (`GET /api/procedures`), as the procedure picker lists it. */
export type ProcedureOption = Pick<Schemas['ProcedureDto'], 'code' | 'name'> & { legalTime?: LegalTime };

/** What the catalog says about the procedure of the diagram (`GET /api/procedures/:code`). */
export interface ProcedureInfo {
  code: string;
  state: 'loading' | 'found' | 'not_found' | 'unavailable';
  name?: string;
  /**
   * Legal processing time in working hours (days × 8 + hours). A same-day procedure counts as
   * one working day (8 hours): the most a dossier received at the morning opening gets.
   */
  legalHours?: number;
  /** The catalog says "trong ngày" (returned the day it is received). */
  sameDay?: boolean;
}

interface EventBus {
  fire(event: string, payload?: unknown): void;
}

/**
 * Data the `mc:` panel shows but does not own (the unit tree, the catalog entry). The page
 * loads it and sets it here; setting re-renders the panel.
 */
export class McLookups {
  static $inject = ['eventBus'];
  units: UnitOption[] = [];
  procedures: ProcedureOption[] = [];
  procedure: ProcedureInfo | null = null;

  constructor(private readonly eventBus: EventBus) {}

  setUnits(units: UnitOption[]): void {
    this.units = units;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }

  setProcedures(procedures: ProcedureOption[]): void {
    this.procedures = procedures;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }

  setProcedure(procedure: ProcedureInfo | null): void {
    this.procedure = procedure;
    this.eventBus.fire('propertiesPanel.providersChanged');
    this.eventBus.fire('mc.procedure.changed', { procedure });
  }
}
