import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState, type RefObject } from 'react';
import { IssueOverlaysModule } from '../../modeler/issues/issue-overlays';
import { mcModdle } from '../../modeler/mc-vocabulary';
import { McPropertiesModule } from '../../modeler/properties';
import { ViTranslateModule } from '../../modeler/translate/vi.translations';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './modeler.css';

/**
 * One bpmn-js Modeler for the page: the standard properties panel, our `mc:` groups, issue
 * overlays and Vietnamese labels. Only the `mc` descriptor is loaded (see libs/engine/README.md);
 * Camunda attributes are kept as unknown attributes and converted on request.
 */
export function useBpmnModeler(
  canvasRef: RefObject<HTMLDivElement | null>,
  panelRef: RefObject<HTMLDivElement | null>,
): Modeler | null {
  const [modeler, setModeler] = useState<Modeler | null>(null);

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    const instance = new Modeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        McPropertiesModule,
        IssueOverlaysModule,
        ViTranslateModule,
      ],
      moddleExtensions: { mc: mcModdle },
    });
    setModeler(instance);
    // Lets browser tests and support staff reach the diagram (`window.bpmnModeler.getDefinitions()`).
    (window as unknown as { bpmnModeler?: Modeler }).bpmnModeler = instance;
    return () => {
      instance.destroy();
      setModeler(null);
    };
  }, [canvasRef, panelRef]);

  return modeler;
}
