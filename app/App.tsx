import { TracePage } from './explore/TracePage';

/** Entry view. */
export function App() {
  return <TracePage />;
}
