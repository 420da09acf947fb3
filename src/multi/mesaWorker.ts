// Piscina worker for the MESA ternary table: one column of liquid compositions per task.
// Errors cross the thread boundary as plain data so that the main thread can rethrow the
// library's own class (DomainError / UncertifiedError: exit codes 2 / 1 in the CLI).
import { CoulomixError } from '../errors.js';
import { mesaColumn, type MesaColumnTask } from './mesaTable.js';

export default async function work(task: MesaColumnTask): Promise<Float64Array | { error: { name: string; message: string } }> {
  try {
    return await mesaColumn(task);
  } catch (err) {
    if (err instanceof CoulomixError) return { error: { name: err.name, message: err.message } };
    throw err;
  }
}
