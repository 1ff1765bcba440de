import { useInboundStore } from '../store';
import { KEY_BINDINGS } from './keys';
import { Modal } from './Modal';

/** "?": every key the deck answers to, straight from the table the keyboard handler uses. */
export function HelpOverlay() {
  const store = useInboundStore();
  const close = () => store.getState().closeOverlay();
  return (
    <Modal label="Keyboard shortcuts" className="help-overlay" onClose={close}>
      {/* Close first: it takes focus on opening, and a short screen then opens at the top of the list. */}
      <div className="modal-head">
        <h2>Keys</h2>
        <button type="button" className="modal-close" onClick={close} autoFocus>
          Close
        </button>
      </div>
      <table>
        <tbody>
          {KEY_BINDINGS.map((b) => (
            <tr key={b.command} data-command={b.command}>
              <th scope="row">
                {b.keys.map((k, i) => (
                  <span key={k.shows}>
                    {i > 0 && ' '}
                    <kbd>{k.shows}</kbd>
                  </span>
                ))}
              </th>
              <td>{b.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
