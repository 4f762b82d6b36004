/**
 * The vocabulary of a municipal government's disclosure catalog, for the benchmark's city
 * (bench/generate.ts). Fifty agencies, each with a field of work whose topics, people and
 * measures fill the titles and bodies. Topics are drawn with a Zipf-like skew, so a field's
 * first topics are common and its last ones rare; a few phrases are deliberately rare
 * across the whole city (see RARE_PHRASES) and a few common everywhere (GENERIC_SENTENCES).
 */

export const CITY = '示例市';

/** A field of work: what its documents are about and whom they address. */
export type Field = {
  /** Topics, most frequent first. */
  topics: string[];
  /** Who the measures are for. */
  subjects: string[];
  /** What they receive or must do. */
  measures: string[];
  /** What is counted in progress reports. */
  counted: { what: string; unit: string }[];
  /** Departments (科室) of an agency in this field, beside 办公室 and 政策法规科. */
  departments: string[];
  /** Affiliated units (局属单位). */
  affiliated: string[];
};

export const FIELDS: Record<string, Field> = {
  renshe: {
    topics: ['高校毕业生就业见习', '失业保险金发放', '职业技能提升行动', '失业保险稳岗返还', '创业担保贷款贴息', '根治欠薪', '社会保障卡居民服务', '企业职工基本养老保险', '工伤保险待遇调整', '人力资源市场秩序整治', '技工院校招生', '专业技术人员职称评审', '劳动人事争议仲裁', '公益性岗位开发', '就业困难人员认定', '高层次人才引进'],
    subjects: ['高校毕业生', '失业人员', '就业困难人员', '参保企业', '农民工', '退休人员', '用人单位', '技能人才'],
    measures: ['一次性吸纳就业补贴', '失业保险金', '职业培训补贴', '社会保险补贴', '见习补贴', '稳岗返还资金', '技能提升补贴', '基本养老金'],
    counted: [{ what: '发放失业保险金', unit: '万元' }, { what: '新增城镇就业', unit: '人' }, { what: '开展职业技能培训', unit: '人次' }, { what: '追回欠薪', unit: '万元' }],
    departments: ['就业促进科', '社会保险科', '劳动关系科', '职业能力建设科', '人才开发科'],
    affiliated: ['市社会保险事业服务中心', '市劳动人事争议仲裁院', '市公共就业服务中心'],
  },
  yibao: {
    topics: ['城乡居民基本医疗保险参保缴费', '医保基金监管', '门诊慢特病待遇', '异地就医直接结算', '药品集中带量采购', '医疗服务价格调整', '长期护理保险试点', '医保定点医药机构管理', '医保电子凭证推广', '大病保险', '医疗救助', 'DRG付费改革'],
    subjects: ['参保人员', '定点医疗机构', '定点零售药店', '城乡居民', '困难群众', '异地就医人员'],
    measures: ['住院报销', '门诊统筹待遇', '医疗救助资金', '大病保险赔付', '个人账户划拨', '医保基金预付'],
    counted: [{ what: '基金支出', unit: '亿元' }, { what: '直接结算', unit: '人次' }, { what: '追回医保基金', unit: '万元' }, { what: '参保', unit: '万人' }],
    departments: ['待遇保障科', '医药价格和招标采购科', '基金监管科', '医药服务管理科'],
    affiliated: ['市医疗保险服务中心', '市医疗保障基金监管中心'],
  },
  zhujian: {
    topics: ['老旧小区改造', '保障性租赁住房', '建筑施工安全生产', '商品房预售资金监管', '城镇燃气安全排查', '海绵城市建设', '物业服务企业信用评价', '建筑工地扬尘治理', '住宅专项维修资金', '城市更新', '既有住宅加装电梯', '建筑业企业资质管理', '住房公积金提取'],
    subjects: ['房地产开发企业', '建筑施工企业', '物业服务企业', '住房困难家庭', '新市民', '业主委员会', '缴存职工'],
    measures: ['租赁补贴', '改造资金', '维修资金', '资质审批', '公积金贷款', '加装电梯补助'],
    counted: [{ what: '改造老旧小区', unit: '个' }, { what: '筹集保障性租赁住房', unit: '套' }, { what: '排查燃气隐患', unit: '处' }, { what: '发放公积金贷款', unit: '亿元' }],
    departments: ['住房保障科', '建筑市场监管科', '城市建设科', '房地产市场监管科', '物业管理科'],
    affiliated: ['市建设工程质量安全监督站', '市住房保障服务中心'],
  },
  jiaotong: {
    topics: ['公交线路优化调整', '网络预约出租汽车管理', '农村公路建设', '道路运输安全', '城市轨道交通建设', '交通运输综合执法', '公路养护', '货车超限超载治理', '港口码头安全', '共享单车停放管理', '港航船舶检验'],
    subjects: ['道路运输企业', '网约车平台公司', '出租汽车驾驶员', '公交企业', '港口经营企业', '货运车辆'],
    measures: ['运营补贴', '经营许可', '燃油补贴', '线路调整', '运输证核发', '安全检查'],
    counted: [{ what: '新改建农村公路', unit: '公里' }, { what: '查处超限超载车辆', unit: '辆' }, { what: '开通公交线路', unit: '条' }, { what: '完成港口吞吐量', unit: '万吨' }],
    departments: ['运输管理科', '公路建设科', '安全监督科', '港航管理科'],
    affiliated: ['市交通运输综合行政执法支队', '市公路事业发展中心'],
  },
  jiaoyu: {
    topics: ['义务教育招生入学', '中小学课后服务', '学前教育普惠发展', '高中阶段学校招生', '学生资助', '校园安全', '中小学教师招聘', '校外培训机构监管', '中小学生近视防控', '民办学校年度检查', '普通高考报名'],
    subjects: ['适龄儿童', '中小学校', '幼儿园', '家庭经济困难学生', '校外培训机构', '考生', '教师'],
    measures: ['国家助学金', '学位安排', '课后服务费', '营养膳食补助', '生均公用经费', '招生计划'],
    counted: [{ what: '新增学位', unit: '个' }, { what: '资助学生', unit: '人次' }, { what: '招聘教师', unit: '名' }, { what: '检查培训机构', unit: '家' }],
    departments: ['基础教育科', '学生资助管理科', '教师工作科', '校外教育培训监管科'],
    affiliated: ['市教育考试院', '市学生资助管理中心'],
  },
  weijian: {
    topics: ['基本公共卫生服务', '家庭医生签约服务', '传染病防控', '无偿献血', '医疗机构执业校验', '母婴安全', '老年人健康管理', '职业病防治', '爱国卫生运动', '院前急救', '医疗卫生人才招聘'],
    subjects: ['医疗机构', '基层医疗卫生机构', '65岁以上老年人', '孕产妇', '签约居民', '医务人员', '用人单位'],
    measures: ['健康体检', '免费接种', '签约服务费', '执业登记', '职业健康检查', '补助资金'],
    counted: [{ what: '签约家庭医生', unit: '万人' }, { what: '完成健康体检', unit: '人次' }, { what: '采集献血', unit: '万毫升' }, { what: '检查医疗机构', unit: '家' }],
    departments: ['医政医管科', '疾病预防控制科', '基层卫生健康科', '妇幼健康科'],
    affiliated: ['市疾病预防控制中心', '市急救中心', '市卫生健康综合监督执法局'],
  },
  shichang: {
    topics: ['食品安全监督抽检', '特种设备安全', '药品零售企业检查', '价格监督检查', '市场主体登记', '产品质量监督抽查', '知识产权保护', '计量器具检定', '网络交易监管', '消费者权益保护', '校园食品安全'],
    subjects: ['食品生产经营者', '药品零售企业', '市场主体', '电商平台经营者', '特种设备使用单位', '消费者'],
    measures: ['抽检', '行政处罚', '许可证核发', '信用修复', '专利资助', '投诉处理'],
    counted: [{ what: '抽检食品', unit: '批次' }, { what: '检查特种设备', unit: '台' }, { what: '新登记市场主体', unit: '户' }, { what: '为消费者挽回损失', unit: '万元' }],
    departments: ['食品安全抽检监测科', '特种设备安全监察科', '登记注册科', '价格监督检查和反不正当竞争科', '知识产权科'],
    affiliated: ['市食品药品检验所', '市计量测试所'],
  },
  shengtai: {
    topics: ['大气污染防治', '排污许可', '重点排污单位名录', '环境影响评价审批', '河湖水质监测', '土壤污染防治', '建设项目环保验收', '固体废物管理', '噪声污染防治', '突发环境事件应急', '饮用水水源地保护'],
    subjects: ['重点排污单位', '建设单位', '工业企业', '排污单位', '危险废物经营单位'],
    measures: ['排污许可证', '环评批复', '行政处罚', '在线监测', '整改通知', '环保专项资金'],
    counted: [{ what: '空气质量优良天数', unit: '天' }, { what: '审批建设项目环评', unit: '个' }, { what: '检查企业', unit: '家' }, { what: '处置危险废物', unit: '吨' }],
    departments: ['大气环境科', '水生态环境科', '环境影响评价科', '固体废物与化学品科'],
    affiliated: ['市生态环境监测站', '市生态环境保护综合行政执法支队'],
  },
  nongye: {
    topics: ['高标准农田建设', '耕地地力保护补贴', '农机购置补贴', '动物疫病防控', '农产品质量安全', '乡村振兴', '农村人居环境整治', '粮食生产', '农民专业合作社', '秸秆综合利用', '政策性粮食收购'],
    subjects: ['种粮农民', '家庭农场', '农民专业合作社', '农业经营主体', '养殖场户', '粮食收储企业'],
    measures: ['耕地地力保护补贴', '农机购置补贴', '一次性种粮补贴', '强制免疫', '质量抽检', '收购资金'],
    counted: [{ what: '建成高标准农田', unit: '万亩' }, { what: '发放补贴', unit: '万元' }, { what: '粮食总产量', unit: '万吨' }, { what: '抽检农产品', unit: '批次' }],
    departments: ['种植业管理科', '农业机械化科', '畜牧兽医科', '乡村产业科'],
    affiliated: ['市农业技术推广中心', '市动物疫病预防控制中心'],
  },
  minzheng: {
    topics: ['城乡最低生活保障', '特困人员救助供养', '临时救助', '养老服务机构管理', '社会组织登记', '婚姻登记', '殡葬管理', '困境儿童保障', '残疾人两项补贴', '地名管理', '居家养老服务'],
    subjects: ['低保对象', '特困人员', '困境儿童', '养老机构', '社会组织', '重度残疾人', '高龄老人'],
    measures: ['最低生活保障金', '临时救助金', '护理补贴', '高龄津贴', '运营补贴', '基本生活费'],
    counted: [{ what: '保障低保对象', unit: '人' }, { what: '发放救助资金', unit: '万元' }, { what: '新增养老床位', unit: '张' }, { what: '登记社会组织', unit: '家' }],
    departments: ['社会救助科', '养老服务科', '社会组织管理科', '儿童福利科'],
    affiliated: ['市社会福利院', '市殡仪馆'],
  },
  yingji: {
    topics: ['安全生产检查', '防汛抗旱', '森林防火', '危险化学品安全', '地震应急演练', '自然灾害救助', '应急物资储备', '烟花爆竹经营许可', '非煤矿山安全', '安全生产标准化', '人民防空工程管理', '气象灾害预警'],
    subjects: ['生产经营单位', '危险化学品企业', '受灾群众', '烟花爆竹经营单位', '重点行业企业'],
    measures: ['隐患整改', '行政处罚', '救助资金', '经营许可证', '应急演练', '物资调拨'],
    counted: [{ what: '检查企业', unit: '家' }, { what: '排查整改隐患', unit: '处' }, { what: '转移安置群众', unit: '人' }, { what: '储备救灾物资', unit: '件' }],
    departments: ['安全生产综合协调科', '危险化学品安全监督管理科', '风险监测和综合减灾科', '救援协调和预案管理科'],
    affiliated: ['市应急救援指挥中心', '市安全生产执法支队'],
  },
  caizheng: {
    topics: ['部门预算公开', '政府采购', '政府债务管理', '财政资金直达', '行政事业单位国有资产管理', '预算绩效管理', '非税收入管理', '会计监督检查', '惠民惠农财政补贴', '政府购买服务', '公共资源交易', '审计整改'],
    subjects: ['预算单位', '供应商', '采购人', '行政事业单位', '代理机构', '被审计单位'],
    measures: ['财政资金', '采购合同', '专项资金', '绩效评价', '政府专项债券', '补贴资金'],
    counted: [{ what: '一般公共预算支出', unit: '亿元' }, { what: '政府采购规模', unit: '亿元' }, { what: '发行专项债券', unit: '亿元' }, { what: '节约资金', unit: '万元' }],
    departments: ['预算科', '国库科', '政府采购监督管理科', '资产管理科'],
    affiliated: ['市财政投资评审中心', '市公共资源交易服务中心'],
  },
  wenlv: {
    topics: ['文化惠民演出', 'A级旅游景区管理', '非物质文化遗产保护', '公共图书馆服务', '文物保护', '旅行社监管', '娱乐场所检查', '广播电视安全播出', '全民阅读', '文旅消费季', '全民健身'],
    subjects: ['旅行社', 'A级旅游景区', '演出场所', '非遗传承人', '文化企业', '体育社会组织'],
    measures: ['文旅消费券', '演出审批', '保护经费', '扶持资金', '体育场馆免费开放', '等级评定'],
    counted: [{ what: '接待游客', unit: '万人次' }, { what: '开展惠民演出', unit: '场' }, { what: '检查经营场所', unit: '家' }, { what: '旅游收入', unit: '亿元' }],
    departments: ['公共服务科', '市场管理科', '文物和非遗科', '资源开发科'],
    affiliated: ['市图书馆', '市文化馆', '市博物馆'],
  },
  ziran: {
    topics: ['国土空间规划', '建设用地供应', '不动产登记', '土地征收', '矿产资源管理', '地质灾害防治', '耕地保护', '测绘地理信息', '林地使用审批', '土地储备', '森林资源保护'],
    subjects: ['用地单位', '被征收人', '不动产权利人', '采矿权人', '村集体经济组织', '林权权利人'],
    measures: ['征收补偿', '土地出让', '不动产权证书', '采矿许可证', '规划许可', '林木采伐许可'],
    counted: [{ what: '供应建设用地', unit: '公顷' }, { what: '办理不动产登记', unit: '件' }, { what: '治理地质灾害隐患点', unit: '处' }, { what: '完成造林', unit: '亩' }],
    departments: ['国土空间规划科', '耕地保护监督科', '不动产登记科', '矿产资源管理科'],
    affiliated: ['市不动产登记中心', '市土地储备中心'],
  },
  gongan: {
    topics: ['户籍办理', '出入境证件办理', '机动车驾驶人管理', '交通违法处理', '居住证办理', '电信网络诈骗防范', '治安管理', '消防安全检查', '道路交通安全', '居民身份证办理'],
    subjects: ['群众', '机动车驾驶人', '流动人口', '社会单位', '出入境人员'],
    measures: ['户口迁移', '证件办理', '驾驶证换领', '行政处罚', '居住证签注', '消防检查'],
    counted: [{ what: '办理户籍业务', unit: '笔' }, { what: '查处交通违法', unit: '起' }, { what: '拦截诈骗资金', unit: '万元' }, { what: '检查社会单位', unit: '家' }],
    departments: ['户政管理科', '治安管理科', '交通管理科', '出入境管理科'],
    affiliated: ['市公安局交通警察支队', '市消防救援支队'],
  },
  general: {
    topics: ['政务服务', '优化营商环境', '法治政府建设', '安全生产', '政务公开', '双随机一公开监管', '信访工作', '数字政府建设', '统计调查', '招商引资', '重点项目建设', '节能降耗', '档案管理', '科技创新', '民营经济发展', '对口协作'],
    subjects: ['企业', '群众', '市场主体', '各县区', '项目单位', '社会组织'],
    measures: ['专项资金', '奖励资金', '政策扶持', '审批事项', '服务事项', '考核结果'],
    counted: [{ what: '办理政务服务事项', unit: '件' }, { what: '引进项目', unit: '个' }, { what: '完成投资', unit: '亿元' }, { what: '受理诉求', unit: '件' }],
    departments: ['综合科', '规划科', '督查科', '项目管理科'],
    affiliated: ['市政务服务中心', '市信息中心'],
  },
};

/** `short` goes into 文号 (示人社发〔2024〕12号). */
export type AgencySpec = { name: string; short: string; field: keyof typeof FIELDS };

/** The fifty agencies below the city government office, coded A01 to A50 in this order. */
export const AGENCIES: AgencySpec[] = [
  { name: '发展和改革委员会', short: '发改', field: 'general' },
  { name: '教育局', short: '教', field: 'jiaoyu' },
  { name: '科学技术局', short: '科', field: 'general' },
  { name: '工业和信息化局', short: '工信', field: 'general' },
  { name: '公安局', short: '公', field: 'gongan' },
  { name: '民政局', short: '民', field: 'minzheng' },
  { name: '人力资源和社会保障局', short: '人社', field: 'renshe' },
  { name: '司法局', short: '司', field: 'general' },
  { name: '财政局', short: '财', field: 'caizheng' },
  { name: '自然资源和规划局', short: '自然资源', field: 'ziran' },
  { name: '生态环境局', short: '环', field: 'shengtai' },
  { name: '住房和城乡建设局', short: '建', field: 'zhujian' },
  { name: '交通运输局', short: '交', field: 'jiaotong' },
  { name: '水利局', short: '水', field: 'yingji' },
  { name: '农业农村局', short: '农', field: 'nongye' },
  { name: '商务局', short: '商', field: 'general' },
  { name: '文化广电和旅游局', short: '文旅', field: 'wenlv' },
  { name: '卫生健康委员会', short: '卫健', field: 'weijian' },
  { name: '退役军人事务局', short: '退役', field: 'minzheng' },
  { name: '应急管理局', short: '应急', field: 'yingji' },
  { name: '审计局', short: '审', field: 'caizheng' },
  { name: '人民政府国有资产监督管理委员会', short: '国资', field: 'caizheng' },
  { name: '市场监督管理局', short: '市监', field: 'shichang' },
  { name: '体育局', short: '体', field: 'wenlv' },
  { name: '统计局', short: '统', field: 'general' },
  { name: '医疗保障局', short: '医保', field: 'yibao' },
  { name: '林业局', short: '林', field: 'ziran' },
  { name: '城市管理综合行政执法局', short: '城管', field: 'zhujian' },
  { name: '人民防空办公室', short: '人防', field: 'yingji' },
  { name: '信访局', short: '信', field: 'general' },
  { name: '政务服务和大数据管理局', short: '数据', field: 'general' },
  { name: '机关事务管理局', short: '机关', field: 'caizheng' },
  { name: '地方金融管理局', short: '金融', field: 'caizheng' },
  { name: '粮食和物资储备局', short: '粮', field: 'nongye' },
  { name: '民族宗教事务局', short: '民宗', field: 'general' },
  { name: '人民政府外事办公室', short: '外', field: 'general' },
  { name: '乡村振兴局', short: '乡村', field: 'nongye' },
  { name: '住房公积金管理中心', short: '公积金', field: 'zhujian' },
  { name: '公共资源交易中心', short: '交易', field: 'caizheng' },
  { name: '投资促进局', short: '投促', field: 'general' },
  { name: '知识产权局', short: '知', field: 'shichang' },
  { name: '药品监督管理局', short: '药监', field: 'shichang' },
  { name: '气象局', short: '气', field: 'yingji' },
  { name: '档案局', short: '档', field: 'general' },
  { name: '疾病预防控制局', short: '疾控', field: 'weijian' },
  { name: '港航管理局', short: '港航', field: 'jiaotong' },
  { name: '社会保险事业管理局', short: '社保', field: 'renshe' },
  { name: '教育考试院', short: '考', field: 'jiaoyu' },
  { name: '轨道交通建设管理办公室', short: '轨道', field: 'jiaotong' },
  { name: '商品交易市场服务中心', short: '市场', field: 'shichang' },
];

/** Streets and roads of the city, for addresses. */
export const ROADS = ['人民路', '建设路', '解放路', '中山路', '和平路', '健康路', '文化路', '长江路', '黄河路', '新华路', '胜利路', '友谊路'];

/** Verbs of a notice's title: 关于{verb}{year}年{topic}{work}的{kind}. */
export const TITLE_VERBS = ['做好', '印发', '开展', '进一步加强', '组织开展', '调整', '公布', '规范', '深入推进', '切实做好', '下达', '启动'];
export const TITLE_WORKS = ['工作', '实施方案', '有关事项', '工作方案', '专项行动', '管理办法', '实施细则', '资金'];

/** 文种 of documents as they end a title, with their DOC_KINDS key and weight. */
export const DOC_KIND_SUFFIXES: { suffix: string; kind: string; weight: number }[] = [
  { suffix: '通知', kind: 'notice', weight: 55 },
  { suffix: '意见', kind: 'opinion', weight: 8 },
  { suffix: '通告', kind: 'announcement', weight: 8 },
  { suffix: '决定', kind: 'decision', weight: 5 },
  { suffix: '通报', kind: 'bulletin', weight: 7 },
  { suffix: '批复', kind: 'reply', weight: 6 },
  { suffix: '函', kind: 'letter', weight: 6 },
  { suffix: '报告', kind: 'report', weight: 3 },
  { suffix: '纪要', kind: 'minutes', weight: 2 },
];

/** Titles of items that are not documents (工作动态, 公示, 解读): `{A}` agency short name, `{T}` topic, `{Y}` year. */
export const OTHER_TITLES = [
  '{A}召开{Y}年{T}工作推进会',
  '{Y}年{T}情况公示',
  '《关于{T}的通知》政策解读',
  '{A}部署{T}工作',
  '{Y}年第{Q}季度{T}工作进展情况',
  '{T}专项检查结果公告',
  '{A}{Y}年{T}工作总结',
  '{Y}年{T}资金分配结果公示',
];

/**
 * Body sentences. Placeholders: {T} topic, {S} subject, {M} measure, {C} a counted thing with
 * its number and unit, {N}/{N2}/{N3} numbers, {D}/{D2} dates, {P} a percentage, {K} an amount of yuan,
 * {A} the agency's name, {L} a law, {H} a phone number, {R} a road, {X} a rare phrase.
 */
export const OPENING_SENTENCES = [
  '为深入贯彻落实{L}，进一步做好{T}工作，根据有关规定，结合我市实际，现就有关事项通知如下。',
  '为规范{T}管理，切实保障{S}合法权益，经研究决定，自{D}起在全市范围内开展{T}工作。',
  '{D}，{A}召开专题会议，研究部署{T}工作，会议由局主要负责同志主持。',
  '根据{L}和省有关文件精神，{A}制定了{T}实施方案，现予以公布。',
  '为加快推进{T}，提升{S}满意度，{A}决定组织开展为期{N2}个月的专项行动。',
];

export const MIDDLE_SENTENCES = [
  '符合条件的{S}可在{D}前通过政务服务网或线下窗口申请{M}，标准为每人每月{K}元。',
  '截至{D}，全市累计{C}，同比增长{P}%。',
  '{S}应当于{D}至{D2}期间提交申请材料，逾期不予受理。',
  '各县区要提高思想认识，明确责任分工，加强统筹协调，确保{T}工作落到实处。',
  '{A}将会同有关部门对{S}开展监督检查，发现问题的依法依规严肃处理。',
  '对符合条件的{S}给予{M}，所需资金由市级财政统筹安排，共计{K}万元。',
  '{Y}年以来，全市{C}，较上年提高{P}个百分点。',
  '申请人对审核结果有异议的，可自公示之日起{N2}个工作日内向{A}书面反映。',
  '本次检查共抽查{S}{N}家，责令限期整改{N2}家，立案查处{N3}起。',
  '下一步，将持续深化{T}，不断提升服务质量和群众满意度。',
  '各单位要严格落实安全生产责任，全面排查风险隐患，坚决防范重大事故发生。',
  '本方案自印发之日起施行，有效期{N2}年，由{A}负责解释。',
];

export const CLOSING_SENTENCES = [
  '联系电话：0310-{H}，地址：{C0}{R}{N2}号。',
  '特此通知。',
  '特此公告。',
  '请各单位于{D}前将工作开展情况报送{A}{Dept}。',
  '如有疑问，请拨打咨询电话0310-{H}。',
];

/** Sentences used across all fields with their own probability: common words of the whole catalog. */
export const GENERIC_SENTENCES: { text: string; p: number }[] = [
  { text: '各县区、各有关单位要高度重视，加强组织领导，确保各项任务按时完成。', p: 0.3 },
  { text: '坚持以人民为中心的发展思想，推动经济社会高质量发展。', p: 0.12 },
  { text: '要加强政策宣传解读，及时回应社会关切。', p: 0.08 },
];

/** Phrases that occur in very few documents anywhere in the city: search's needles. */
export const RARE_PHRASES: { text: string; p: number }[] = [
  { text: '推动低空经济和无人机配送试点', p: 0.002 },
  { text: '古树名木保护', p: 0.001 },
  { text: '候鸟迁徙通道保护', p: 0.0005 },
  { text: '量子通信网络建设', p: 0.0002 },
  { text: '氢能源公交车示范运营', p: 0.0003 },
];

export const LAWS = [
  '《中华人民共和国就业促进法》', '《中华人民共和国社会保险法》', '《优化营商环境条例》', '《中华人民共和国安全生产法》',
  '《中华人民共和国政府信息公开条例》', '《中华人民共和国食品安全法》', '《中华人民共和国行政许可法》', '《社会救助暂行办法》',
  '《中华人民共和国环境保护法》', '《中华人民共和国预算法》', '《中华人民共和国土地管理法》', '党中央、国务院决策部署',
];
