// Piscina worker for the MESA ternary table: one column of liquid compositions per task.
import { mesaColumn, type MesaColumnTask } from './mesaTable.js';

export default function work(task: MesaColumnTask): Promise<Float64Array> {
  return mesaColumn(task);
}
