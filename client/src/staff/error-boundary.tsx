import { Component } from 'react';
import type { ReactNode } from 'react';

/** Keeps a failing part of a view from blanking the whole page; shows `fallback` instead. */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode; resetKey?: unknown }, { failed: boolean; key: unknown }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: unknown }, state: { failed: boolean; key: unknown }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
