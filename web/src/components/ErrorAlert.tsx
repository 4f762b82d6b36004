import { Alert } from 'antd';
import { ApiError } from '../api';

/** The reasons of a refusal that lists several (`details.problems`, e.g. a workflow guard), else none. */
function problemsOf(error: Error): string[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: { message?: unknown }[] } | null | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.map((problem) => problem.message).filter((message): message is string => typeof message === 'string');
}

/** The server's Chinese error message (or a network failure) as an Alert; several reasons as a list. */
export function ErrorAlert({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  const problems = problemsOf(error);
  if (problems.length > 1) {
    return (
      <Alert
        type="error"
        showIcon
        title={`有 ${problems.length} 项问题需要处理：`}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  return <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />;
}
