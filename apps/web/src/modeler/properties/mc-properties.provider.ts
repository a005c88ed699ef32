import type { DiagramElement } from '../moddle.types';
import { jobGroup, processGroup, timerDefinitionOf, workingTimeEntry } from './other.entries';
import { processOf } from './entry-helpers';
import { isEndEvent, outcomeGroup } from './outcome.entries';
import { userTaskGroups } from './user-task.entries';

interface Group {
  id: string;
  label: string;
  entries: { id: string }[];
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: unknown): void;
}

// Below the standard BPMN provider (1000), so its groups exist when ours are placed among them.
const PRIORITY = 500;

/** Adds the `mc:` groups (DESIGN §2) after "General" of the standard panel. */
export class McPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(PRIORITY, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: Group[]): Group[] => {
      const bo = element.businessObject;
      const ours: Group[] = [];
      if (bo.$instanceOf('bpmn:UserTask')) ours.push(...userTaskGroups(element));
      if (bo.$instanceOf('bpmn:ServiceTask') || bo.$instanceOf('bpmn:SendTask')) ours.push(jobGroup());
      if (isEndEvent(element)) ours.push(outcomeGroup());
      if (processOf(element)) ours.push(processGroup());
      if (timerDefinitionOf(element)) {
        const timer = groups.find((group) => group.id === 'timer');
        if (timer) timer.entries.push(workingTimeEntry());
        else ours.push({ id: 'mc-timer', label: 'Hẹn giờ', entries: [workingTimeEntry()] });
      }
      const general = groups.findIndex((group) => group.id === 'general');
      groups.splice(general + 1, 0, ...ours);
      return groups;
    };
  }
}
