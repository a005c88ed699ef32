import { applicantFor, lookupKeyFor, lookupKeyHash } from './applicants';
import { CopyWriters, LOADED_TABLES, type LoadedTable } from './copy.loader';
import type { GeneratedProcedure } from './procedures';
import { unitMapper, type Province, type ProvinceUnit } from './province';
import { instantiate, shiftDate } from './template.compiler';
import type { CompiledTemplate } from './template.rows';

export interface LoadPlan {
  dossiers: number;
  /** Dossiers still in progress, stopped at a random step. */
  open: number;
  /** Weeks over which finished dossiers are spread. */
  weeks: number;
  /** Weeks over which overdue open dossiers are spread. */
  openWeeks: number;
  /** Share of open dossiers whose open step is already past due. */
  overdueShare: number;
  random: () => number;
}

/** Templates of one procedure: per weekday, the returned one and one per open step. */
interface TemplateGroup {
  returned: CompiledTemplate[];
  open: CompiledTemplate[][];
}

function groupTemplates(compiled: CompiledTemplate[]): Map<string, TemplateGroup> {
  const groups = new Map<string, TemplateGroup>();
  for (const t of compiled) {
    const group = groups.get(t.dossier.procedure.code) ?? { returned: [], open: [[], [], [], [], []] };
    if (t.dossier.stage < 0) group.returned[t.dossier.weekday] = t;
    else group.open[t.dossier.weekday][t.dossier.stage] = t;
    groups.set(t.dossier.procedure.code, group);
  }
  return groups;
}

/** Picks from `items` by weight (cumulative table built once). */
function weightedPicker<T extends { weight: number }>(items: T[], random: () => number): () => T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  const cumulative = items.map(
    (
      (sum) => (i: T) =>
        (sum += i.weight / total)
    )(0),
  );
  return () => {
    const r = random();
    const i = cumulative.findIndex((c) => r < c);
    return items[i < 0 ? items.length - 1 : i];
  };
}

/** The code's day part (`yyMMdd`, Vietnam day) moved `weeks` back. */
function shiftCodeDay(yymmdd: string, weeks: number): string {
  const date = shiftDate(`20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`, weeks);
  return date.slice(2).replace(/-/g, '');
}

const WEEK_MS = 7 * 86_400_000;

/** First whole number of weeks back that puts the template's last write before now. */
function firstWeek(t: CompiledTemplate, now: number): number {
  return Math.max(0, Math.ceil((t.dossier.lastAt.getTime() - now) / WEEK_MS));
}

/** Weeks back that leave the open step not yet due, if any (one of 5 weekdays usually fits). */
function onTimeWeek(t: CompiledTemplate, now: number, random: () => number): number | undefined {
  const due = t.dossier.openDueAt?.getTime();
  const first = firstWeek(t, now);
  if (due === undefined) return first;
  const last = Math.floor((due - now) / WEEK_MS);
  return last >= first ? first + Math.floor(random() * (last - first + 1)) : undefined;
}

/** A template and weeks back for a copy: finished, open on time, or open and past due (`overdueShare`). */
function placeCopy(
  group: TemplateGroup,
  open: boolean,
  plan: LoadPlan,
  now: number,
): { template: CompiledTemplate; weeksBack: number } {
  const weekday = Math.floor(plan.random() * 5);
  if (!open) {
    const template = group.returned[weekday];
    return { template, weeksBack: firstWeek(template, now) + Math.floor(plan.random() * plan.weeks) };
  }
  const stage = Math.floor(plan.random() * group.open[weekday].length);
  if (plan.random() >= plan.overdueShare) {
    for (let i = 0; i < 5; i++) {
      const template = group.open[(weekday + i) % 5][stage];
      const weeksBack = template && onTimeWeek(template, now, plan.random);
      if (weeksBack !== undefined) return { template, weeksBack };
    }
  }
  const template = group.open[weekday][stage];
  const due = template.dossier.openDueAt?.getTime() ?? now;
  const late = Math.max(firstWeek(template, now), Math.floor((due - now) / WEEK_MS) + 1);
  return { template, weeksBack: late + Math.floor(plan.random() * plan.openWeeks) };
}

/**
 * Writes `plan.dossiers` copies of the templates through COPY: each gets a receiving unit of the
 * procedure's level, a week, the next number of that unit's day, a deterministic lookup key
 * (`lookupKeyFor(code)`) hashed as the app hashes it, and an applicant of its own. Open dossiers
 * follow Little's law: a procedure's share of the work in progress is its flow times its length.
 */
export async function loadClones(
  url: string,
  columns: Record<LoadedTable, string[]>,
  compiled: CompiledTemplate[],
  province: Province,
  procedures: GeneratedProcedure[],
  plan: LoadPlan,
): Promise<Map<LoadedTable, number>> {
  const groups = groupTemplates(compiled);
  const pickFinished = weightedPicker(procedures, plan.random);
  const inProgress = procedures.map((p) => ({ ...p, weight: (p.weight * (1 + Number(p.legalTime.days ?? 0))) / 4 }));
  const pickOpen = weightedPicker(inProgress, plan.random);
  const receivers: Record<string, ProvinceUnit[]> = {
    commune: province.communes,
    district: province.districts,
    province: province.districts,
  };
  const counters = new Map<string, number>();
  const writers = await CopyWriters.open(url, columns);
  const started = Date.now();
  for (let serial = 1; serial <= plan.dossiers; serial++) {
    const open = serial <= plan.open;
    const procedure = open ? pickOpen() : pickFinished();
    const placed = placeCopy(groups.get(procedure.code)!, open, plan, started);
    const template = placed.template;
    const units = receivers[procedure.level];
    const target = units[Math.floor(plan.random() * units.length)];
    let weeksBack = placed.weeksBack;
    const [, day] = template.dossier.code.split('-');
    let codeDay = shiftCodeDay(day, weeksBack);
    // A unit's day holds 9,999 dossiers (4-digit number): a full day pushes the copy a week back.
    while ((counters.get(`${target.code}|${codeDay}`) ?? 0) >= 9999) codeDay = shiftCodeDay(day, ++weeksBack);
    const n = (counters.get(`${target.code}|${codeDay}`) ?? 0) + 1;
    counters.set(`${target.code}|${codeDay}`, n);
    const code = `${target.code}-${codeDay}-${String(n).padStart(4, '0')}`;
    const params = {
      serial,
      weeksBack,
      code,
      lookupKeyHash: lookupKeyHash(code, lookupKeyFor(code)),
      mapUnit: unitMapper(template.dossier.unitCode, target.code),
      unitName: target.name,
      applicant: applicantFor(plan.random),
    };
    for (const table of LOADED_TABLES)
      await writers.write(table, instantiate(template.tables[table], params), template.lines[table]);
    if (serial % 100_000 === 0) {
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `          ${serial.toLocaleString('en')} dossiers copied (${Math.round(serial / seconds).toLocaleString('en')}/s)`,
      );
    }
  }
  await writers.close();
  return writers.rows;
}
