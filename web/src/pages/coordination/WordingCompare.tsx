import { Card, Col, Row, Typography } from 'antd';

/** 同一内容表述一致 (COORD-1): our wording and the other agency's, side by side. */
export function WordingCompare({ ours, theirs, theirsLabel = '对方机关建议的表述' }: { ours: string; theirs: string | null; theirsLabel?: string }) {
  return (
    <Row gutter={12} className="coordination-compare">
      <Col xs={24} md={theirs === null ? 24 : 12}>
        <Card size="small" title="本机关拟发布的表述" style={{ height: '100%' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{ours}</Typography.Paragraph>
        </Card>
      </Col>
      {theirs !== null && (
        <Col xs={24} md={12}>
          <Card size="small" title={theirsLabel} style={{ height: '100%', borderColor: '#d48806' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{theirs}</Typography.Paragraph>
          </Card>
        </Col>
      )}
    </Row>
  );
}
