import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Form, Input, List, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DeadlineExplanation } from '../../components/DeadlineInfo';
import { FormModal } from '../../components/FormModal';
import { LightTag } from '../../components/LightTag';
import { PageContainer } from '../../components/PageContainer';
import { StepTimeline } from '../../components/StepTimeline';
import { useApiMutation, useRoleLabel } from '../../hooks';
import { formatDateTime, optionsOf } from '../../labels';
import { opinionApi, opinionKeys, opinionQueries } from './api';
import { OpinionStateTag, RiskTag } from './OpinionTags';
import type { ActInput, OpinionAction, OpinionClock, OpinionDetail, OpinionVocabulary } from './types';

/** 舆情详情: the case, its hour clocks with their explanations, the moves open to me, the responses and the record. */
export default function OpinionDetailPage() {
  const { id = '' } = useParams();
  const { data, error } = useQuery(opinionQueries.case(id));
  const vocabulary = useQuery(opinionQueries.vocabulary()).data;
  if (!data || !vocabulary) {
    return (
      <PageContainer title="舆情详情" error={error}>
        {!error && <Skeleton active />}
      </PageContainer>
    );
  }
  return <CaseView detail={data} v={vocabulary} />;
}

function CaseView({ detail, v }: { detail: OpinionDetail; v: OpinionVocabulary }) {
  const c = detail.case;
  const roleLabel = useRoleLabel();
  const stepRole = (role: string) => (role === 'responsible_unit' ? '责任单位' : role === 'system' ? '系统' : roleLabel(role));
  return (
    <PageContainer
      title={`${c.caseNo} ${c.title}`}
      extra={
        <Button icon={<FileWordOutlined />} href={opinionApi.reportUrl(c.id)}>
          下载舆情专报
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <RiskTag level={c.riskLevel} label={v.riskLevels[c.riskLevel]} />
        <OpinionStateTag state={c.state} label={v.states[c.state]} />
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="基本情况" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="来源">{v.sources[c.source]}（{v.intakes[c.intake] ?? c.intake}）</Descriptions.Item>
              <Descriptions.Item label="链接或出处">{/^https?:\/\//.test(c.link) ? <a href={c.link} target="_blank" rel="noopener noreferrer">{c.link}</a> : c.link || '—'}</Descriptions.Item>
              <Descriptions.Item label="发生时间">{formatDateTime(c.happenedAt)}</Descriptions.Item>
              <Descriptions.Item label="发现时间">{formatDateTime(c.foundAt)}</Descriptions.Item>
              <Descriptions.Item label="责任单位">{c.responsibleUnitName ?? '尚未转办'}</Descriptions.Item>
              <Descriptions.Item label="向上级报告">{c.reportedAt ? `${formatDateTime(c.reportedAt)} ${c.reportedTo}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="摘要" span={2}>{c.summary}</Descriptions.Item>
              <Descriptions.Item label="风险分析" span={2}>{c.analysis || '—'}</Descriptions.Item>
              <Descriptions.Item label="处置方案" span={2}>{c.handlingPlan || '—'}</Descriptions.Item>
              {c.feedback && <Descriptions.Item label="处置结果反馈" span={2}>{c.feedback}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="回应" style={{ marginBottom: 16 }}>
            {detail.responses.length === 0 ? (
              <Empty description="尚未回应" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                dataSource={detail.responses}
                renderItem={(r) => (
                  <List.Item>
                    <Space wrap>
                      <Tag>{v.responseForms[r.form]}</Tag>
                      {r.itemId ? <Link to={`/documents/${r.itemId}`}>{r.itemTitle}</Link> : r.description}
                      {r.respondedAt ? <Tag color="success">{formatDateTime(r.respondedAt)} 已回应</Tag> : <Tag color="processing">审核中</Tag>}
                      {r.expedited && !r.respondedAt && (
                        <span title={r.expedited.explanation.join('；')}>
                          加急时限 {formatDateTime(r.expedited.dueAt)} <LightTag light={r.expedited.light} />
                        </span>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <StepTimeline
            title="办理过程"
            steps={detail.steps.map((s) => ({
              key: s.id,
              title: v.actions[s.action as keyof typeof v.actions] ?? (s.action === 'register' ? '登记' : s.action === 'merge' ? '合并重复舆情' : s.action),
              transition: s.fromState !== s.toState ? `${v.states[s.fromState as keyof typeof v.states]} → ${v.states[s.toState as keyof typeof v.states]}` : undefined,
              actorName: s.actorName,
              roleLabel: stepRole(s.role),
              at: s.at,
              color: s.action === 'close' ? 'green' : 'blue',
              details: s.note ? <Typography.Paragraph style={{ margin: 0 }}>{s.note}</Typography.Paragraph> : undefined,
            }))}
          />
        </Col>
        <Col xs={24} lg={9}>
          <ActionsCard detail={detail} v={v} />
          {(detail.case.riskLevel === 'major' || detail.case.riskLevel === 'extraordinary') && <DutyCard onDuty={detail.onDuty} />}
          <Card title="时限" style={{ marginBottom: 16 }}>
            {detail.clocks.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : detail.clocks.map((k) => <ClockRow key={k.rule} clock={k} />)}
          </Card>
          <Card title={`发现记录（${detail.sightings.length}）`} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={detail.sightings}
              renderItem={(s) => (
                <List.Item>
                  {formatDateTime(s.seenAt)} {v.intakes[s.intake] ?? s.intake} {s.link}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

function ClockRow({ clock }: { clock: OpinionClock }) {
  return (
    <div style={{ marginBottom: 12 }} data-testid={`clock-${clock.rule}`}>
      <Space wrap>
        <Typography.Text strong>{clock.name}</Typography.Text>
        <span>截止 {formatDateTime(clock.dueAt)}</span>
        {clock.met ? <Tag color={clock.metLate ? 'error' : 'success'}>{clock.metLate ? '逾期完成' : '已完成'}</Tag> : <LightTag light={clock.light} />}
      </Space>
      <DeadlineExplanation explanation={clock.explanation} />
    </div>
  );
}

type Open = OpinionAction | null;

/** The moves the server allows me on this case, each asking what it needs. */
/** OP-7: who is on duty for a major case, and how to reach them; an empty roster shows as a warning. */
function DutyCard({ onDuty }: { onDuty: OpinionDetail['onDuty'] }) {
  return (
    <Card title="值班领导" style={{ marginBottom: 16 }}>
      {onDuty.length === 0 ? (
        <Typography.Text strong>当前没有安排值班领导，请公开办在领导值班表中安排。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={onDuty}
          renderItem={(d) => (
            <List.Item>
              <div>
                <Typography.Text strong>{d.name}</Typography.Text> <a href={`tel:${d.phone}`}>{d.phone}</a>
                <div>
                  值班时间：{formatDateTime(d.startsAt)} 至 {formatDateTime(d.endsAt)}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ActionsCard({ detail, v }: { detail: OpinionDetail; v: OpinionVocabulary }) {
  const [open, setOpen] = useState<Open>(null);
  const navigate = useNavigate();
  const id = detail.case.id;
  const act = useApiMutation((p: { action: Exclude<OpinionAction, 'draft_response'>; input: ActInput }) => opinionApi.act(id, p.action, p.input), { invalidate: [opinionKeys.all], success: '已办理' });
  const draft = useApiMutation((input: { form: 'online_release' | 'expert_interpretation'; title: string; body: string }) => opinionApi.draftResponse(id, input), { invalidate: [opinionKeys.all] });
  const submit = (action: Exclude<OpinionAction, 'draft_response'>) => (input: ActInput) => act.mutateAsync({ action, input });
  const close = () => setOpen(null);
  const manualForms = optionsOf(v.responseForms).filter((o) => o.value === 'press_conference' || o.value === 'media_interview');
  const itemForms = optionsOf(v.responseForms).filter((o) => o.value === 'online_release' || o.value === 'expert_interpretation');

  return (
    <Card title="办理" style={{ marginBottom: 16 }}>
      {detail.actions.length === 0 ? (
        <Typography.Text type="secondary">当前没有您可执行的操作</Typography.Text>
      ) : (
        <Space wrap>
          {detail.actions.map((a) => (
            <Button key={a} type={a === 'report_upward' ? 'default' : 'primary'} onClick={() => setOpen(a)}>
              {v.actions[a]}
            </Button>
          ))}
        </Space>
      )}
      {open === 'assess' && (
        <FormModal<ActInput> title="研判" name="assess" initialValues={{ riskLevel: detail.case.riskLevel, analysis: detail.case.analysis, handlingPlan: detail.case.handlingPlan }} onSubmit={submit('assess')} onClose={close}>
          <Form.Item label="风险等级" name="riskLevel" rules={[{ required: true }]}>
            <Select options={optionsOf(v.riskLevels)} />
          </Form.Item>
          <Form.Item label="风险分析" name="analysis" rules={[{ required: true, message: '请填写风险分析' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="处置方案" name="handlingPlan" rules={[{ required: true, message: '请填写处置方案' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'transfer' && (
        <FormModal<ActInput> title="转办责任单位" name="transfer" okText="转办" onSubmit={submit('transfer')} onClose={close}>
          <Form.Item label="责任单位" name="unitId" rules={[{ required: true, message: '请选择责任单位' }]}>
            <Select options={detail.units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item label="转办要求" name="note">
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'report_upward' && (
        <FormModal<ActInput> title="向上级报告" name="report" okText="登记" onSubmit={submit('report_upward')} onClose={close}>
          <Form.Item label="报告对象" name="to" rules={[{ required: true, message: '请填写报告对象' }]}>
            <Input placeholder="如：市委网信办、市政府办公室" />
          </Form.Item>
        </FormModal>
      )}
      {open === 'respond' && (
        <FormModal<ActInput> title="登记回应" name="respond" okText="登记" onSubmit={submit('respond')} onClose={close}>
          <Form.Item label="回应形式" name="form" rules={[{ required: true, message: '请选择回应形式' }]} extra="网上发布和专家解读请“起草回应信息”，经审核发布后自动登记">
            <Select options={manualForms} />
          </Form.Item>
          <Form.Item label="时间、场合和主要内容" name="description" rules={[{ required: true, message: '请填写' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'draft_response' && (
        <FormModal<{ form: 'online_release' | 'expert_interpretation'; title: string; body: string }>
          title="起草回应信息（回应关切）"
          name="draft-response"
          okText="起草"
          width={720}
          initialValues={{ form: 'online_release' }}
          onSubmit={async (input) => navigate(`/documents/${(await draft.mutateAsync(input)).itemId}`)}
          onClose={close}
        >
          <Form.Item label="回应形式" name="form" rules={[{ required: true }]}>
            <Select options={itemForms} />
          </Form.Item>
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="正文" name="body" rules={[{ required: true, message: '请填写正文' }]} extra="回应信息按信息发布流程审核（含保密审查）后发布">
            <Input.TextArea rows={8} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'feedback' && (
        <FormModal<ActInput> title="反馈处置结果" name="feedback" okText="反馈" onSubmit={submit('feedback')} onClose={close}>
          <Form.Item label="处置结果" name="note" rules={[{ required: true, message: '请填写处置结果' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'close' && (
        <FormModal<ActInput>
          title="办结"
          name="close"
          okText="办结"
          confirm={() => ({ title: '确认办结？', content: '办结后不能再办理该舆情。' })}
          onSubmit={submit('close')}
          onClose={close}
        >
          <Form.Item label="办结说明" name="note">
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
