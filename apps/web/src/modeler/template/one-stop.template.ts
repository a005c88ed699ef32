/**
 * A new procedure: received at the one-stop desk, examined by a specialist, done. Valid as it
 * stands (it deploys), so an administrator starts from something that runs and changes it.
 * `processKey` becomes the deployment key; a fresh one per diagram avoids overwriting another.
 */
export function oneStopTemplate(processKey: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:mc="urn:motcua:bpmn:1" id="Definitions_${processKey}" targetNamespace="urn:motcua:processes" exporter="motcua" exporterVersion="0.1.0">
  <bpmn:process id="${processKey}" name="Thủ tục mới" isExecutable="true">
    <bpmn:startEvent id="StartEvent_NopHoSo" name="Nộp hồ sơ">
      <bpmn:outgoing>Flow_TiepNhan</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Task_TiepNhan" name="Tiếp nhận, kiểm tra hồ sơ" mc:unit="receiving" mc:candidateGroups="reception" mc:duration="4h" mc:status="received">
      <bpmn:incoming>Flow_TiepNhan</bpmn:incoming>
      <bpmn:outgoing>Flow_ThamDinh</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:userTask id="Task_ThamDinh" name="Thẩm định hồ sơ" mc:unit="receiving" mc:candidateGroups="specialist" mc:duration="2d" mc:status="processing">
      <bpmn:incoming>Flow_ThamDinh</bpmn:incoming>
      <bpmn:outgoing>Flow_KetThuc</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_KetThuc" name="Hoàn thành">
      <bpmn:incoming>Flow_KetThuc</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_TiepNhan" sourceRef="StartEvent_NopHoSo" targetRef="Task_TiepNhan" />
    <bpmn:sequenceFlow id="Flow_ThamDinh" sourceRef="Task_TiepNhan" targetRef="Task_ThamDinh" />
    <bpmn:sequenceFlow id="Flow_KetThuc" sourceRef="Task_ThamDinh" targetRef="EndEvent_KetThuc" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processKey}">
      <bpmndi:BPMNShape id="StartEvent_NopHoSo_di" bpmnElement="StartEvent_NopHoSo">
        <dc:Bounds x="152" y="182" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="145" y="225" width="51" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_TiepNhan_di" bpmnElement="Task_TiepNhan">
        <dc:Bounds x="240" y="160" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_ThamDinh_di" bpmnElement="Task_ThamDinh">
        <dc:Bounds x="400" y="160" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_KetThuc_di" bpmnElement="EndEvent_KetThuc">
        <dc:Bounds x="562" y="182" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="550" y="225" width="60" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_TiepNhan_di" bpmnElement="Flow_TiepNhan">
        <di:waypoint x="188" y="200" />
        <di:waypoint x="240" y="200" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_ThamDinh_di" bpmnElement="Flow_ThamDinh">
        <di:waypoint x="340" y="200" />
        <di:waypoint x="400" y="200" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_KetThuc_di" bpmnElement="Flow_KetThuc">
        <di:waypoint x="500" y="200" />
        <di:waypoint x="562" y="200" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** `quy_trinh_m3k9x2`: a QName (no leading digit) that is unlikely to collide with a deployed key. */
export function newProcessKey(): string {
  return `quy_trinh_${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 4)}`;
}
