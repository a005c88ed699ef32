/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works from
 * compiled JavaScript and under jest. Each module appends its own.
 */
import type { MigrationInterface } from 'typeorm';
import { Identity1764300000000 } from './1764300000000-identity';
import { Workflow1764300001000 } from './1764300001000-workflow';
import { Worktime1764300200000 } from './1764300200000-worktime';
import { Deadlines1764300300000 } from './1764300300000-deadlines';
import { Dossiers1764300400000 } from './1764300400000-dossiers';
import { CallActivity1764300500000 } from './1764300500000-CallActivity';
import { SignalSubscriptions1764300700000 } from './1764300700000-SignalSubscriptions';
import { Tracking1764300800000 } from './1764300800000-Tracking';
import { ProcedureCatalogAdmin1764301100000 } from './1764301100000-ProcedureCatalogAdmin';
import { ReportIndexes1764302900000 } from './1764302900000-ReportIndexes';
import { ProvinceSizeIndexes1764303300000 } from './1764303300000-ProvinceSizeIndexes';
import { ReportAtSizeIndexes1764303700000 } from './1764303700000-ReportAtSizeIndexes';
import { TaskCounts1764304100000 } from './1764304100000-TaskCounts';
import { InboxAssigneeIndex1764304200000 } from './1764304200000-InboxAssigneeIndex';
import { ProcedureOwnership1764400200000 } from './1764400200000-ProcedureOwnership';
import { UserTokenVersion1764400300000 } from './1764400300000-UserTokenVersion';
import { IdempotencyKeys1764400500000 } from './1764400500000-IdempotencyKeys';
import { DossierFiles1764500100000 } from './1764500100000-DossierFiles';
import { TaskOpinions1764500200000 } from './1764500200000-TaskOpinions';
import { DossierOutcomes1764500300000 } from './1764500300000-DossierOutcomes';
import { AccentInsensitiveSearch1764600500000 } from './1764600500000-AccentInsensitiveSearch';
import { HeatmapIndexes1764600700000 } from './1764600700000-HeatmapIndexes';
import { OnlineSubmissions1764601200000 } from './1764601200000-OnlineSubmissions';
import { PublishedReadViews1764600900000 } from './1764600900000-PublishedReadViews';
import { Ratings1764601400000 } from './1764601400000-Ratings';
import { Payments1764601300000 } from './1764601300000-Payments';
import { CitizenAccounts1764601100000 } from './1764601100000-CitizenAccounts';
import { PublicCatalog1764601500000 } from './1764601500000-PublicCatalog';
import { InboxSavedFilters1764601600000 } from './1764601600000-InboxSavedFilters';
import { InboxTaskSearch1764601610000 } from './1764601610000-InboxTaskSearch';
import { HeatmapCompletedStepsIndex1764601620000 } from './1764601620000-HeatmapCompletedStepsIndex';

export const migrations: (new () => MigrationInterface)[] = [
  Identity1764300000000,
  Workflow1764300001000,
  Worktime1764300200000,
  Deadlines1764300300000,
  Dossiers1764300400000,
  CallActivity1764300500000,
  SignalSubscriptions1764300700000,
  Tracking1764300800000,
  ProcedureCatalogAdmin1764301100000,
  ReportIndexes1764302900000,
  ProvinceSizeIndexes1764303300000,
  ReportAtSizeIndexes1764303700000,
  TaskCounts1764304100000,
  InboxAssigneeIndex1764304200000,
  ProcedureOwnership1764400200000,
  UserTokenVersion1764400300000,
  IdempotencyKeys1764400500000,
  DossierFiles1764500100000,
  TaskOpinions1764500200000,
  DossierOutcomes1764500300000,
  AccentInsensitiveSearch1764600500000,
  HeatmapIndexes1764600700000,
  PublishedReadViews1764600900000,
  Ratings1764601400000,
  Payments1764601300000,
  CitizenAccounts1764601100000,
  PublicCatalog1764601500000,
  InboxSavedFilters1764601600000,
  InboxTaskSearch1764601610000,
  HeatmapCompletedStepsIndex1764601620000,
  OnlineSubmissions1764601200000,
];
