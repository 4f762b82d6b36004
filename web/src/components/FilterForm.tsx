import { DatePicker, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';

/**
 * A list page's filters, laid out in a row. Every change goes back to the first page: the
 * page the user was on may not exist in the new result.
 */
export function FilterForm<T extends object>(props: {
  name: string;
  initialValues?: Partial<T>;
  onChange: (values: T) => void;
  resetPage: () => void;
  children: ReactNode;
}) {
  return (
    <Form<T>
      name={props.name}
      layout="inline"
      initialValues={props.initialValues}
      style={{ marginBottom: 16, rowGap: 8 }}
      onValuesChange={(_, values) => {
        props.onChange(values);
        props.resetPage();
      }}
    >
      {props.children}
    </Form>
  );
}

/** The keyword box of a list's filters, filling `q`. */
export function KeywordFilter({ placeholder }: { placeholder: string }) {
  return (
    <Form.Item label="关键词" name="q">
      <Input allowClear placeholder={placeholder} />
    </Form.Item>
  );
}

/** A choice among a list's codes; left empty it filters nothing. */
export function ChoiceFilter<K extends string>(props: { label: string; name: string; options: { value: K; label: string }[]; width: number; placeholder?: string }) {
  return (
    <Form.Item label={props.label} name={props.name}>
      <Select allowClear placeholder={props.placeholder ?? '全部'} style={{ width: props.width }} options={props.options} />
    </Form.Item>
  );
}

/** A range of calendar days, as a pair of Dayjs values under `name`. */
export function DateRangeFilter({ label, name }: { label: string; name: string }) {
  return (
    <Form.Item label={label} name={name}>
      <DatePicker.RangePicker />
    </Form.Item>
  );
}
