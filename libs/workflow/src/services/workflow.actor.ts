/** Who runs a command: a user (their username goes into history), or a system caller with no name. */
export interface WorkflowActor {
  username: string | null;
  /** The starter's unit: the receiving unit when the `receivingUnit` variable is absent. */
  unitCode?: string;
}
