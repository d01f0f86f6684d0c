import { formatPercent } from '../../lib/format';
import { sourceSlot, type TraitLine } from './baby-data';

/** Each trait the child got, from whom, and how sure the measurement behind it is. */
export function TraitReport({ lines }: { lines: TraitLine[] }) {
  return (
    <table className="trait-report" data-testid="trait-report">
      <thead>
        <tr>
          <th scope="col">Trait</th>
          <th scope="col">From</th>
          <th scope="col" title="How sure the measurement is (and the model's probability, where it gives one)">Sure</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const slot = sourceSlot(line.from);
          return (
            <tr key={line.trait} data-testid="trait-line">
              <td>
                <span className="trait-name">{line.trait}</span>
                <span className="trait-value">{line.value}</span>
              </td>
              <td>
                <span className={`trait-from from-${slot}`}>{line.from}</span>
              </td>
              <td className="trait-confidence">
                {formatPercent(line.confidence)}
                {line.probability !== undefined && <span className="trait-probability" title="Probability of this outcome under the inheritance model">p {formatPercent(line.probability)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
