import { HistoryEventEntity } from './history-event.entity';
import { IncidentEntity } from './incident.entity';
import { JobEntity } from './job.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { TaskEntity } from './task.entity';

export { HistoryEventEntity, IncidentEntity, JobEntity, ProcessDefinitionEntity, ProcessInstanceEntity, TaskEntity };

export const WORKFLOW_ENTITIES = [
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TaskEntity,
  JobEntity,
  HistoryEventEntity,
  IncidentEntity,
];
