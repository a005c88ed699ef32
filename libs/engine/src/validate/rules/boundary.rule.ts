import { issue, isActivity, type ValidationRule } from '../validation-rule';

/** A boundary event sits on an activity of its own scope and has no incoming flow. */
export const boundaryRule: ValidationRule = (model) =>
  Object.values(model.elements)
    .filter((element) => element.type === 'bpmn:BoundaryEvent')
    .flatMap((boundary) => {
      const host = boundary.attachedTo ? model.elements[boundary.attachedTo] : undefined;
      if (!host || !isActivity(host) || host.scopeId !== boundary.scopeId) {
        return [
          issue(
            boundary.id,
            'BOUNDARY_HOST_INVALID',
            'error',
            `Boundary event ${boundary.id} is not attached to an activity`,
          ),
        ];
      }
      if (boundary.incoming.length > 0) {
        return [
          issue(
            boundary.id,
            'BOUNDARY_INCOMING',
            'error',
            `Boundary event ${boundary.id} cannot have incoming sequence flows`,
          ),
        ];
      }
      return [];
    });
