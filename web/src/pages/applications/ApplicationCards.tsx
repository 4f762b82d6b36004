// The read-only parts of a case: its reply deadline, the applicant, the request and the handling record.
import { Alert, Card, Descriptions, Empty, Flex, Space, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import { DeadlineExplanation, DeadlineInfo } from '../../components/DeadlineInfo';
import { useAppVocabulary } from '../../hooks';
import { formatDate, formatDateTime } from '../../labels';
import type { ApplicationDetail, ReplyType } from '../../types';
import { FlagTags, OutcomeText } from './ApplicationTags';

const dash = (value: string | null | undefined) => (value && value.trim() ? value : '—');
const multiline = (value: string | null | undefined) => <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{dash(value)}</span>;

/** APP-4, LAW-30/32/33/34/42: the reply deadline with the server's explanation, line by line. */
export function DeadlineCard({ detail }: { detail: ApplicationDetail }) {
  const { deadline } = detail;
  return (
    <Card title="答复期限" style={{ marginBottom: 16 }}>
      {!deadline ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={detail.finishedAt ? `已于 ${formatDateTime(detail.finishedAt)} 办结，服务器未返回答复期限` : '无答复期限'}
        />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'due', label: '截止日期', children: <DeadlineInfo deadline={deadline} /> },
              {
                key: 'remaining',
                label: '剩余工作日',
                children:
                  deadline.state === 'met' || deadline.remainingWorkdays === null
                    ? '—'
                    : deadline.remainingWorkdays < 0
                      ? `已超期 ${-deadline.remainingWorkdays} 个工作日`
                      : `${deadline.remainingWorkdays} 个工作日`,
              },
              { key: 'finished', label: '办结时间', children: formatDateTime(detail.finishedAt) },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 15, margin: '12px 0 8px' }}>
            期限计算依据
          </Typography.Title>
          <DeadlineExplanation explanation={deadline.explanation} />
        </>
      )}
    </Card>
  );
}

/** The applicant: whole for the office and the assigned department, masked for anyone else (the server decides). */
export function ApplicantCard({ detail }: { detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  const { applicant } = detail;
  const masked = applicant.idNumber.includes('*');
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: '申请人类型', children: vocabulary?.applicantKinds[applicant.kind] ?? applicant.kind },
    { key: 'name', label: '姓名/名称', children: applicant.name },
    { key: 'idType', label: '证件类型', children: vocabulary?.idTypes[applicant.idType] ?? applicant.idType },
    { key: 'idNumber', label: '证件号码', children: applicant.idNumber },
  ];
  if (applicant.kind !== 'natural' || applicant.orgCode) {
    items.push({ key: 'orgCode', label: '统一社会信用代码', children: dash(applicant.orgCode) });
  }
  items.push(
    { key: 'phone', label: '联系电话', children: applicant.phone },
    { key: 'email', label: '电子邮箱', children: dash(applicant.email) },
    { key: 'address', label: '通讯地址', span: 'filled', children: dash(applicant.address) },
  );
  return (
    <Card title="申请人" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        {masked
          ? '您不是本件的办理人员，申请人的个人信息已部分隐去。'
          : '申请人的个人信息仅用于办理本申请；查看记录已记入审计日志。'}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

/** The request as registered: content, form and delivery wanted, how and when it arrived, and a transfer's hand-over (APP-5). */
export function RequestCard({ detail }: { detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  const { transfer } = detail;
  const items: DescriptionsProps['items'] = [
    { key: 'description', label: '所需信息的内容描述', span: 'filled', children: multiline(detail.description) },
    { key: 'purpose', label: '用途', span: 'filled', children: multiline(detail.purpose) },
    { key: 'form', label: '获取信息的方式', children: vocabulary?.forms[detail.form] ?? detail.form },
    { key: 'delivery', label: '送达方式', children: vocabulary?.deliveries[detail.delivery] ?? detail.delivery },
    { key: 'channel', label: '收到方式', children: vocabulary?.channels[detail.channel] ?? detail.channel },
    { key: 'arrivedAt', label: '到达时间', children: formatDateTime(detail.arrivedAt) },
    {
      key: 'receivedAt',
      label: '收到日期',
      children: detail.receivedOn
        ? `${detail.receivedOn}${detail.receipt ? `（${detail.receipt.auto ? '系统自动确认' : `${detail.receipt.by}确认`}：${detail.receipt.told}）` : ''}`
        : '待确认（以双方确认之日为收到日）',
    },
    { key: 'unit', label: '承办部门', children: detail.unitName ?? '未分办' },
    { key: 'trackingCode', label: '查询码', children: detail.trackingCode },
  ];
  if (detail.flags.length) {
    items.push({ key: 'flags', label: '提示', span: 'filled', children: <FlagTags flags={detail.flags} repeatOf={detail.repeatOf} /> });
  }
  if (detail.splitFrom) {
    items.push({ key: 'splitFrom', label: '拆分自', span: 'filled', children: <Link to={`/applications/${detail.splitFrom}`}>原申请</Link> });
  }
  if (detail.splitParts.length) {
    items.push({
      key: 'splitParts', label: '已拆分为', span: 'filled',
      children: <Space wrap>{detail.splitParts.map((p) => <Link key={p.id} to={`/applications/${p.id}`}>{p.regNumber}</Link>)}</Space>,
    });
  }
  if (transfer) {
    items.push(
      { key: 'transferFrom', label: '转办机构', children: transfer.from },
      { key: 'handedOverAt', label: '交接时间', children: formatDateTime(transfer.handedOverAt) },
      { key: 'record', label: '交接记录', span: 'filled', children: multiline(transfer.record) },
      {
        key: 'reportBack',
        label: '回告',
        span: 'filled',
        children: transfer.reportedBackAt ? `${formatDateTime(transfer.reportedBackAt)} ${transfer.report ?? ''}` : '尚未回告（登记送达时自动回告）',
      },
    );
  }
  return (
    <Card title="申请内容" style={{ marginBottom: 16 }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

/** What the case has been through: the correction (LAW-30), the fee (LAW-42) and the reply (LAW-36). */
export function HandlingCard({ detail }: { detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  const { correction, fee, reply } = detail;
  if (!correction && !fee && !reply) return null;
  // LAW-36: 予以公开 of something already public is answered by saying where it is.
  const replyType = (): ReplyType | undefined => {
    if (!reply) return undefined;
    return reply.outcome === 'granted' && reply.alreadyPublicWhere ? 'already_public' : vocabulary?.outcomes[reply.outcome]?.reply;
  };
  return (
    <Card title="办理情况" style={{ marginBottom: 16 }}>
      <Flex vertical gap="middle">
        {reply && (
          <Descriptions
            title="答复"
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'outcome', label: '答复结果', span: 'filled', children: <OutcomeText outcome={reply.outcome} /> },
              {
                key: 'replyType',
                label: '答复类型',
                span: 'filled',
                children: (() => {
                  const type = replyType();
                  return type ? (vocabulary?.replyTypes[type] ?? type) : '—';
                })(),
              },
              { key: 'text', label: '答复意见及依据', span: 'filled', children: multiline(reply.text) },
              ...(reply.alreadyPublicWhere
                ? [{ key: 'where', label: '已公开的获取途径', span: 'filled' as const, children: multiline(reply.alreadyPublicWhere) }]
                : []),
              ...(reply.holderAgency
                ? [{ key: 'holder', label: '掌握信息的机关', span: 'filled' as const, children: reply.holderAgency }]
                : []),
              { key: 'draftedBy', label: '拟稿人', children: dash(reply.draftedBy) },
              {
                key: 'approvedBy',
                label: '签发',
                children: reply.approvedBy ? `${reply.approvedBy}（${formatDateTime(reply.approvedAt)}）` : '尚未签发',
              },
            ]}
          />
        )}
        {correction && (
          <Descriptions
            title="补正"
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'needed', label: '需补正的内容', span: 'filled', children: multiline(correction.needed) },
              { key: 'requestedAt', label: '告知时间', children: formatDateTime(correction.requestedAt) },
              { key: 'due', label: '补正期限', children: formatDate(correction.due) },
              { key: 'answer', label: '补正内容', span: 'filled', children: multiline(correction.answer) },
              { key: 'answeredAt', label: '收到补正', children: formatDateTime(correction.answeredAt) },
            ]}
          />
        )}
        {fee && (
          <Descriptions
            title="信息处理费"
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'amount', label: '金额', children: `${fee.amount} 元` },
              { key: 'basis', label: '计费依据', children: fee.basis },
              { key: 'notifiedAt', label: '通知时间', children: formatDateTime(fee.notifiedAt) },
              { key: 'noticeReceivedAt', label: '申请人收到通知', children: formatDate(fee.noticeReceivedAt) },
              { key: 'due', label: '缴费期限', children: fee.due ? formatDate(fee.due) : '自申请人收到通知之日起20个工作日' },
              { key: 'paidAt', label: '缴费时间', span: 'filled', children: fee.paidAt ? formatDateTime(fee.paidAt) : '尚未缴费' },
            ]}
          />
        )}
        {detail.reasons && (
          <Descriptions
            title="说明理由（《中华人民共和国政府信息公开条例》第三十五条）"
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'asked', label: '要求说明', span: 'filled', children: multiline(detail.reasons.asked) },
              { key: 'due', label: '说明期限', children: formatDate(detail.reasons.due) },
              { key: 'answer', label: '申请人理由', children: multiline(detail.reasons.answer) },
              {
                key: 'decision', label: '认定', span: 'filled',
                children: detail.reasons.decision
                  ? `${detail.reasons.decision === 'reasonable' ? `理由合理，答复期限确定为${detail.reasons.workdays}个工作日` : '理由不合理，不予处理'}：${detail.reasons.decisionReason ?? ''}`
                  : '尚未认定',
              },
            ]}
          />
        )}
        {detail.state === 'reviewing' && reply && !reply.approvedBy && (
          <Alert type="info" showIcon title="答复已拟定，正在审核；完成三项审查后由领导签发。" />
        )}
      </Flex>
    </Card>
  );
}
