import type { DiagramIssue } from '../lint/issue.types';
import type { DiagramElement } from '../moddle.types';

interface Overlays {
  add(
    element: DiagramElement | string,
    type: string,
    overlay: { position: Record<string, number>; html: HTMLElement },
  ): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(element: DiagramElement | string, marker: string): void;
  removeMarker(element: DiagramElement | string, marker: string): void;
  scrollToElement(element: DiagramElement): void;
}
interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
}
interface Selection {
  select(element: DiagramElement): void;
}

const OVERLAY_TYPE = 'mc-issues';
const MARKERS = ['mc-issue-error', 'mc-issue-warning'];

/**
 * Shows findings on their elements: a red (error) or orange (warning) outline and a badge with
 * the count; hovering the badge lists the messages, clicking it selects the element.
 */
export class IssueOverlays {
  static $inject = ['overlays', 'canvas', 'elementRegistry', 'selection'];
  private marked: string[] = [];

  constructor(
    private readonly overlays: Overlays,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly selection: Selection,
  ) {}

  /** Replaces what is shown; returns the ids of the issues that have a visible element. */
  show(issues: DiagramIssue[]): Set<string> {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const id of this.marked)
      for (const marker of MARKERS) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, marker);
    this.marked = [];
    const byElement = new Map<string, DiagramIssue[]>();
    for (const issue of issues) {
      const element = this.elementRegistry.get(issue.elementId);
      if (!element || element.type === 'label') continue;
      byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue]);
    }
    for (const [id, list] of byElement) {
      const element = this.elementRegistry.get(id)!;
      const severity = list.some((issue) => issue.severity === 'error') ? 'error' : 'warning';
      this.canvas.addMarker(element, `mc-issue-${severity}`);
      this.marked.push(id);
      if (this.isRoot(element)) continue;
      this.overlays.add(element, OVERLAY_TYPE, {
        position: this.position(element),
        html: this.badge(element, list, severity),
      });
    }
    return new Set(byElement.keys());
  }

  /** Selects the element and brings it into view. */
  reveal(elementId: string): boolean {
    const element = this.elementRegistry.get(elementId);
    if (!element) return false;
    if (!this.isRoot(element)) this.canvas.scrollToElement(element);
    this.selection.select(element);
    return true;
  }

  private isRoot(element: DiagramElement): boolean {
    return (
      element.businessObject.$instanceOf('bpmn:Process') || element.businessObject.$instanceOf('bpmn:Collaboration')
    );
  }

  private position(element: DiagramElement): Record<string, number> {
    // Flows have no box: put the badge at their first bend point.
    if (element.waypoints) return { top: -10, left: -10 };
    return { top: -10, right: 10 };
  }

  private badge(element: DiagramElement, issues: DiagramIssue[], severity: string): HTMLElement {
    const badge = document.createElement('div');
    badge.className = `mc-issue-badge mc-issue-badge--${severity}`;
    badge.dataset.testid = `issue-badge-${element.id}`;
    badge.dataset.severity = severity;
    badge.textContent = String(issues.length);
    const popup = document.createElement('ul');
    popup.className = 'mc-issue-popup';
    for (const issue of issues) {
      const item = document.createElement('li');
      item.className = `mc-issue-popup__item mc-issue-popup__item--${issue.severity}`;
      item.textContent = issue.message;
      popup.appendChild(item);
    }
    badge.appendChild(popup);
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      this.selection.select(element);
    });
    return badge;
  }
}

/** bpmn-js module providing `issueOverlays`. */
export const IssueOverlaysModule = {
  issueOverlays: ['type', IssueOverlays],
};
