import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { answers } from '../test/fixtures';
import { AnswerView } from './AnswerView';

describe('an answer of the data agent', () => {
  it('shows a single value big, with its SQL, and no table or chart', () => {
    const { container } = render(<AnswerView question="How many orders?" answer={answers.value} />);
    const value = container.querySelector('[data-single-value]')!;
    expect(value).toHaveTextContent('orders 2024');
    expect(value).toHaveTextContent('3,270');
    expect(container.querySelector('[data-result-table]')).toBeNull();
    expect(container.querySelector('[data-chart]')).toBeNull();
    expect(screen.getByText('Golden query')).toBeInTheDocument();
    expect(container.querySelector('[data-sql] code')).toHaveTextContent('SELECT count(*) AS orders_2024 FROM orders');
  });

  it('shows rows as a table and says when they were truncated', () => {
    const { container } = render(<AnswerView question="Top customers" answer={answers.table} />);
    const table = container.querySelector('[data-result-table]') as HTMLElement;
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(within(table).getByText('Customer 0')).toBeInTheDocument();
    expect(container.querySelector('[data-row-note]')).toHaveTextContent('Showing the first 100 rows');
    expect(screen.getByText('Planned SQL')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('draws the Vega-Lite chart as SVG inside the chart element, next to the rows', async () => {
    const { container } = render(<AnswerView question="Revenue by month" answer={answers.chart} />);
    const chart = container.querySelector('[data-chart]') as HTMLElement;
    await waitFor(() => expect(chart.dataset.chartState).toBe('ready'), { timeout: 10_000 });
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(chart.querySelectorAll('svg path').length).toBeGreaterThan(0);
    expect(container.querySelector('[data-result-table]')).not.toBeNull();
  });

  it('declines without SQL and offers the questions it can answer as chips', async () => {
    const onAsk = vi.fn();
    const { container } = render(<AnswerView question="Tell me a joke" answer={answers.declined} onAsk={onAsk} />);
    expect(screen.getByText('Not answerable')).toBeInTheDocument();
    expect(container.querySelector('[data-sql]')).toBeNull();
    expect(container.querySelector('[data-answer-text]')!.textContent).toBe('I can\'t answer that with confidence from this demo\'s '
      + 'data: I don\'t know what "joke" refers to in this dataset. I only answer from the data and never guess numbers.');
    const chips = container.querySelectorAll('[data-chip]');
    expect(chips).toHaveLength(2);
    await userEvent.click(chips[1]);
    expect(onAsk).toHaveBeenCalledWith('What was gross revenue by month in 2024?');
  });
});
