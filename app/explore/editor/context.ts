import { createContext, useCallback, useContext } from 'react';
import type { Result } from '../../model';
import type { ExplorerDoc } from '../doc';
import { useExplorerStore } from '../store';

/** What the editor says outside the store's history: why an edit was refused, where focus goes next. */
export interface EditorTalk {
  /** Shows a refusal (or clears it with ''). */
  readonly tell: (message: string) => void;
  /** Asks the control with this key to take focus when it next mounts (a moved pod's menu). */
  readonly focusNext: (key: string) => void;
  /** Whether the control with this key is asked to take focus. */
  readonly wantsFocus: (key: string) => boolean;
  /** The control took focus: the request is done. */
  readonly tookFocus: (key: string) => void;
}

export const EditorTalkContext = createContext<EditorTalk>({
  tell: () => {},
  focusNext: () => {},
  wantsFocus: () => false,
  tookFocus: () => {},
});

export const useEditorTalk = (): EditorTalk => useContext(EditorTalkContext);

/**
 * Edits through the explorer's store. `apply` records an edit; `attempt` first
 * tries one that can be refused and, when it is, says why instead (its words may
 * name what the edit made, e.g. the new node).
 */
export function useApply() {
  const store = useExplorerStore();
  const { tell } = useEditorTalk();
  const apply = useCallback(
    (label: string, change: (doc: ExplorerDoc) => ExplorerDoc) => {
      tell('');
      store.getState().edit(label, change);
    },
    [store, tell],
  );
  const attempt = useCallback(
    (
      label: string | ((after: ExplorerDoc) => string),
      tryChange: (doc: ExplorerDoc) => Result<ExplorerDoc>,
    ): boolean => {
      const r = tryChange(store.getState().doc);
      if (!r.ok) {
        tell(`${typeof label === 'string' ? label : 'Not done'}: ${r.error}`);
        return false;
      }
      tell('');
      store.getState().edit(typeof label === 'string' ? label : label(r.value), () => r.value);
      return true;
    },
    [store, tell],
  );
  return { apply, attempt };
}
