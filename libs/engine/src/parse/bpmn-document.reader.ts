import type { ModdleElement, ParseWarning } from 'bpmn-moddle';
import { EngineError } from '../engine.types';
import { CAMUNDA_URI, moddleFor, ZEEBE_URI, type Vocabulary } from './moddle.factory';
import type { VendorExtensions } from './vendor-extensions';

/** A moddle warning and the vocabulary whose parse produced it. */
export interface SourcedWarning {
  warning: ParseWarning;
  vocabulary: Vocabulary;
}

/** The parsed document: the BPMN + mc tree, every parse warning, and the vendor fallbacks. */
export interface BpmnDocument {
  definitions: ModdleElement;
  warnings: SourcedWarning[];
  vendor: VendorExtensions;
}

const VENDORS: ReadonlyArray<[Vocabulary, string]> = [
  ['camunda', CAMUNDA_URI],
  ['zeebe', ZEEBE_URI],
];

/**
 * Reads the XML with the BPMN + mc moddle, then, only when the document declares their
 * namespace, once more with the Camunda and the Zeebe moddle to read their attributes as
 * fallbacks (see moddle.factory.ts for why these are separate parses).
 */
export async function readBpmnDocument(xml: string): Promise<BpmnDocument> {
  const primary = await moddleFor('bpmn')
    .fromXML(xml)
    .catch((error: unknown) => {
      throw parseFailure(error);
    });
  if (primary.rootElement?.$type !== 'bpmn:Definitions') {
    throw new EngineError('BPMN_NOT_BPMN', 'The document is not BPMN 2.0 <definitions>');
  }
  const warnings: SourcedWarning[] = primary.warnings.map((warning) => ({ warning, vocabulary: 'bpmn' }));
  const trees: Partial<Record<Vocabulary, Record<string, ModdleElement>>> = {};
  for (const [vocabulary, uri] of VENDORS) {
    if (!xml.includes(uri)) continue;
    const result = await moddleFor(vocabulary).fromXML(xml);
    trees[vocabulary] = result.elementsById;
    warnings.push(...result.warnings.map((warning) => ({ warning, vocabulary })));
  }
  return {
    definitions: primary.rootElement,
    warnings,
    vendor: {
      camunda: (id) => trees.camunda?.[id],
      zeebe: (id) => trees.zeebe?.[id],
    },
  };
}

function parseFailure(error: unknown): EngineError {
  const message = error instanceof Error ? error.message : String(error);
  // moddle says "failed to parse document as <bpmn:Definitions>" when the XML is well formed
  // but its root is something else; every other failure is the XML itself.
  if (message.startsWith('failed to parse document as')) {
    return new EngineError('BPMN_NOT_BPMN', 'The document is XML but not BPMN 2.0 <definitions>', { cause: message });
  }
  return new EngineError('BPMN_MALFORMED', `The document is not well-formed XML: ${message.split('\n')[0]}`, {
    cause: message,
  });
}
