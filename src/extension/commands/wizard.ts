// A small multi-step input: each step is a quick pick or an input box with a Back button, and the wizard
// walks forward and backward through a list of steps keeping what the user already chose.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

export interface PickOptions<T extends vscode.QuickPickItem> {
  title: string;
  step: number;
  totalSteps: number;
  placeholder?: string;
  items: readonly T[];
  canPickMany?: boolean;
  selected?: readonly T[];
  busy?: boolean;
}

export function pickStep<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<StepResult<T[]>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder;
  pick.canSelectMany = !!options.canPickMany;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.items = options.items;
  if (options.selected) pick.selectedItems = options.selected;
  if (options.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: StepResult<T[]>) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(BACK);
    });
    pick.onDidAccept(() => {
      const chosen = pick.canSelectMany ? [...pick.selectedItems] : [...pick.activeItems];
      if (chosen.length) finish(chosen);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

export function inputStep(options: {
  title: string;
  step: number;
  totalSteps: number;
  prompt: string;
  value?: string;
  placeholder?: string;
  validate: (text: string) => string | undefined;
}): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.step = options.step;
  box.totalSteps = options.totalSteps;
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  box.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: StepResult<string>) => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((text) => (box.validationMessage = options.validate(text)));
    box.onDidTriggerButton(() => finish(BACK));
    box.onDidAccept(() => {
      const message = options.validate(box.value);
      box.validationMessage = message;
      if (!message) finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
