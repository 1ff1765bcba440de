import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in words, e.g. "The diagram". */
  readonly what: string;
  /** Changing this clears the error (e.g. the slide number): the next slide gets a fresh try. */
  readonly resetKey: string | number;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: string | number;
}

/**
 * Catches an error in one view so the rest of the deck keeps working: the
 * controls, the keys and the caption stay live, and moving on tries again.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.what} failed to draw`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="view-error" role="alert">
        <p>
          {this.props.what} could not be drawn: {this.state.error.message.slice(0, 200)}
        </p>
        <p>The rest of the deck still works: use ← and → to move on.</p>
      </div>
    );
  }
}
