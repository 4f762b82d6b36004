/**
 * A fixed catalog for measuring search quality (CAT-4): realistic published items of the
 * demo city's 人力资源和社会保障局 (RSJ) and 医疗保障局 (YBJ). Some items only mention a
 * topic in passing (保险 but not 失业保险, 社会保障 but not 社会保险, 见习 in a line of an
 * attached table, 社保卡 as the card a benefit is paid to) so that a search which finds too
 * much shows up as lost precision. Some say a thing only the formal way (社会保障卡,
 * 医疗保险) or only the colloquial way (社保卡, 医保): that is how real catalogs read.
 *
 * Keys are stable: queries.ts labels documents by key.
 */
import type { Category, DocKind, Validity } from '../../src/modules/documents/documents.rules.ts';

export type CorpusDoc = {
  key: string;
  agency: 'RSJ' | 'YBJ';
  category: Category;
  kind: 'document' | 'other';
  docKind: DocKind | null;
  dateMade: string;
  title: string;
  body: string;
  /** 文号, shown in the catalog next to the title. */
  docNumber?: string;
  /** Defaults to valid. */
  validity?: Validity;
};

export const CORPUS: CorpusDoc[] = [
  // ── RSJ 示例市人力资源和社会保障局: employment ────────────────────────────────
  {
    key: 'jx-notice', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-03-10', docNumber: '示人社发〔2026〕12号',
    title: '关于开展2026年就业见习工作的通知',
    body: '为帮助离校2年内未就业高校毕业生和16—24岁失业青年积累工作经验，市人力资源和社会保障局决定在全市组织开展2026年就业见习工作。见习期限为3至12个月，全年计划募集见习岗位3000个。见习单位应按月发放基本生活费，并为见习人员购买人身意外伤害保险。有见习意愿的青年可通过“示例人社”APP报名。',
  },
  {
    key: 'jx-guide', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-04-02',
    title: '就业见习补贴申领服务指南',
    body: '一、申领条件：见习单位与见习人员签订见习协议，并按月足额发放基本生活费。二、补贴标准：按当地最低工资标准的70%给予见习单位就业见习补贴，见习期满留用率达到50%以上的，补贴标准提高至80%。三、申请材料：见习协议、发放基本生活费的银行流水、见习人员身份证复印件，可上传PDF扫描件。四、办理地点：市民服务中心二楼人社综合窗口，办理时限为10个工作日。',
  },
  {
    key: 'jx-bases', agency: 'RSJ', category: 'work', kind: 'other', docKind: null, dateMade: '2026-05-20',
    title: '2026年第一批市级就业见习基地名单的公示',
    body: '经单位自愿申报、县区推荐和实地核查，拟认定示例市第一人民医院等28家单位为2026年第一批市级就业见习基地。公示时间为2026年5月20日至5月26日，共5个工作日。对公示对象有异议的，可在公示期内向市人社局就业促进科实名反映。',
  },
  {
    key: 'fund-q2', agency: 'RSJ', category: 'finance', kind: 'document', docKind: 'notice', dateMade: '2026-06-15', docNumber: '示人社发〔2026〕31号',
    title: '关于下达2026年第二季度就业补助资金的通知',
    body: '根据省财政厅、省人力资源和社会保障厅资金下达文件，现将2026年第二季度就业补助资金共计1286万元下达各县区。请各地严格按照规定用途使用资金，不得挤占挪用，并于季度终了后15日内报送资金使用情况。\n附件：资金分配表。职业培训补贴412万元，就业见习补贴186万元，社会保险补贴95万元，一次性吸纳就业补贴62万元。',
  },
  {
    key: 'grad-policy', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2026-02-18', docNumber: '示人社发〔2026〕5号',
    title: '关于做好2026年高校毕业生等青年就业创业工作的通知',
    body: '2026届全市高校毕业生预计达到2.3万人，规模再创新高。各地要开发政策性岗位，落实一次性吸纳就业补贴和社会保险补贴，对离校未就业毕业生实施“1131”实名服务。鼓励毕业生到基层就业，参加“三支一扶”计划的，服务期满可享受事业单位公开招聘定向招聘政策。',
  },
  {
    key: 'grad-fair', agency: 'RSJ', category: 'work', kind: 'other', docKind: null, dateMade: '2026-03-25',
    title: '2026年高校毕业生春季专场招聘会活动方案',
    body: '定于2026年4月12日在市会展中心举办高校毕业生春季专场招聘会，预计参会企业150家，提供岗位4000余个。现场设立政策咨询、职业指导和社保卡办理服务区。\n附件：参会单位名单（共150家，其中12家企业同时提供就业见习岗位）。',
  },
  {
    key: 'talent', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-09-01', docNumber: '示人社规〔2025〕3号',
    title: '示例市高层次人才引进实施办法',
    body: '对引进的顶尖人才、领军人才和拔尖人才，分别给予最高200万元、100万元和50万元安家补贴。引进人才可在3年内免租入住人才公寓，子女入学由教育部门统筹安排。申报材料通过“示例人才”APP在线提交，受理时间为每年3月和9月。',
  },
  {
    key: 'talent-list', agency: 'RSJ', category: 'work', kind: 'other', docKind: null, dateMade: '2025-12-08',
    title: '2025年度高层次人才安家补贴拟发放名单公示',
    body: '根据《示例市高层次人才引进实施办法》，经审核，拟向王某某、李某等17名引进人才发放安家补贴共计860万元。公示期为7个自然日，如有异议请向市人社局人才开发科反映。',
  },
  {
    key: 'skills', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-04-20',
    title: '关于开展2026年度职业技能等级认定工作的通知',
    body: '经省职业技能鉴定指导中心备案，全市共有23家用人单位和社会培训评价组织开展职业技能等级认定，涉及电工、焊工、养老护理员等46个职业（工种）。考生可登录省职业技能等级认定信息系统报名，取得证书的可按规定申领职业技能提升补贴。证书信息可在“技能人才评价证书全国联网查询”系统查验。',
  },
  {
    key: 'skills-subsidy', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-05-08',
    title: '职业技能提升补贴申领服务指南',
    body: '参加失业保险累计缴费满1年的企业职工，取得初级工、中级工、高级工职业资格证书或职业技能等级证书的，可分别申领1000元、1500元、2000元技能提升补贴。每人每年享受补贴不超过3次。申请人可通过“示例人社”APP或社保卡服务网点提交申请。',
  },
  {
    key: 'summary', agency: 'RSJ', category: 'plans', kind: 'document', docKind: 'report', dateMade: '2025-12-28',
    title: '示例市人力资源和社会保障局2025年工作总结',
    body: '2025年全市城镇新增就业4.8万人，发放各类就业补贴1.9亿元；新引进高层次人才326人；完成职业技能等级认定2.1万人次；劳动人事争议仲裁结案率达到96.5%。全年未发生因拖欠工资引发的重大群体性事件。',
  },
  {
    key: 'work-plan', agency: 'RSJ', category: 'plans', kind: 'other', docKind: null, dateMade: '2026-01-28',
    title: '2026年全市人社工作要点',
    body: '2026年全市人社工作的总体要求是稳就业、保民生、促发展。全年城镇新增就业4.5万人，城镇调查失业率控制在5.5%以内；扩大社会保险覆盖面，推进第三代社保卡发行；深化根治欠薪，保持农民工工资拖欠案件动态清零。',
  },
  // ── RSJ: unemployment insurance ──────────────────────────────────────────────
  {
    key: 'unemp-guide', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-01-15',
    title: '失业保险金申领服务指南',
    body: '失业前用人单位和本人已缴纳失业保险费满1年、非因本人意愿中断就业、已进行失业登记并有求职要求的人员，可申领失业保险金。失业保险金按月发放，标准为每人每月1890元。申领人可通过国家社会保险公共服务平台、“示例人社”APP或社保卡服务网点线上办理，无需提交纸质材料。',
  },
  {
    key: 'unemp-raise', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-06-28', docNumber: '示人社发〔2025〕22号',
    title: '关于调整失业保险金标准的通知',
    body: '经市政府同意，自2025年7月1日起，全市失业保险金标准由每人每月1750元调整为1890元。调整后的标准适用于2025年7月起正在领取失业保险金的人员，各经办机构应于7月底前完成补发。',
  },
  {
    key: 'fund-report', agency: 'RSJ', category: 'finance', kind: 'other', docKind: null, dateMade: '2026-07-20',
    title: '2026年1—6月全市社会保险基金运行情况',
    body: '上半年，全市企业职工基本养老保险、失业保险、工伤保险三项社会保险基金收入合计52.6亿元，支出47.3亿元。其中失业保险基金支出3.1亿元，向1.2万名失业人员发放失业保险金2.4亿元。',
  },
  {
    key: 'contribution-base', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-06-25',
    title: '关于做好2026年度社会保险缴费基数申报工作的通知',
    body: '各参保单位应于7月31日前通过社会保险网上服务平台申报2026年度缴费基数。缴费基数上限为全省全口径城镇单位就业人员平均工资的300%，下限为60%。逾期未申报的，按上年度缴费基数的110%预缴。',
  },
  // ── RSJ: social security card ────────────────────────────────────────────────
  {
    key: 'sbk-apply', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-02-10',
    title: '社会保障卡申领服务指南',
    body: '参保人员可携带本人有效身份证件到任一社保卡服务网点申领社会保障卡，也可通过“示例人社”APP线上申请并选择邮寄到家。第三代社保卡具有身份凭证、信息记录、待遇领取和金融支付等功能。首次申领免收工本费，即时制卡网点可当场领卡。',
  },
  {
    key: 'sbk-loss', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-02-10',
    title: '社保卡挂失与补换服务指南',
    body: '社会保障卡遗失的，持卡人应立即拨打12333热线或通过APP办理临时挂失，临时挂失有效期为5日；正式挂失须本人持身份证到服务网点办理。补换卡工本费每张20元，挂失后补办的新卡原账户资金不受影响。',
  },
  {
    key: 'sbk-phone', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-02-26',
    title: '关于开通社保卡电话临时挂失服务的通知',
    body: '自2026年3月1日起，持卡人遗失社保卡的，可拨打12333热线按语音提示办理社保卡临时挂失，全天24小时受理。临时挂失后5日内未办理正式挂失的，系统自动解除挂失。',
  },
  {
    key: 'sbk-3rd', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'announcement', dateMade: '2026-08-01',
    title: '关于全面推广第三代社会保障卡的通告',
    body: '自2026年9月1日起，全市全面启动第三代社会保障卡换发工作。持第二代社会保障卡的群众可在卡片到期后免费换领，原卡无需提前挂失。第三代社会保障卡新增交通出行、文化旅游等“一卡通”应用。',
  },
  {
    key: 'sbk-outlets', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-01-05',
    title: '全市社保卡服务网点名录（2026年版）',
    body: '全市共设立社保卡服务网点186个，其中即时制卡网点42个，覆盖所有乡镇（街道）。各网点工作时间为工作日上午9:00—12:00、下午13:30—17:00。网点地址和联系电话见附表，可下载PDF版本。',
  },
  {
    key: 'app-launch', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-04-10',
    title: '关于“示例人社”APP 3.0版正式上线的通知',
    body: '“示例人社”APP 3.0版本于2026年4月10日正式上线，新增养老保险待遇资格认证、就业登记、参保证明打印等68项高频事项“掌上办”。用户可在各大应用商店搜索下载，也可扫描二维码安装，使用本人手机号注册并完成人脸识别后即可办理。',
  },
  // ── RSJ: pensions ───────────────────────────────────────────────────────────
  {
    key: 'pension-adjust', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2026-07-05', docNumber: '示人社发〔2026〕36号',
    title: '关于2026年调整退休人员基本养老金的通知',
    body: '按照国家统一部署，自2026年1月1日起为2025年底前已按规定办理退休手续并按月领取基本养老金的企业和机关事业单位退休人员提高基本养老金水平，总体调整水平为2025年退休人员月人均基本养老金的2%。调整采取定额调整、挂钩调整与适当倾斜相结合的办法，增加的养老金于7月底前补发到位。',
  },
  {
    key: 'pension-faq', agency: 'RSJ', category: 'policy', kind: 'other', docKind: null, dateMade: '2026-07-06',
    title: '《关于2026年调整退休人员基本养老金的通知》政策解读',
    body: '一问：这次调整的对象有哪些？答：2025年12月31日前已按规定办理退休手续并按月领取基本养老金的退休人员。二问：什么时间发放到位？答：增加的养老金将于7月底前通过社保卡补发到位，退休人员无需申请。',
  },
  {
    key: 'pension-guide', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-03-01',
    title: '企业职工基本养老保险待遇申领服务指南',
    body: '达到法定退休年龄且累计缴费满15年的参保人员，可申领基本养老保险待遇。申请人可通过“示例人社”APP提交申请，经办机构在15个工作日内完成待遇核定，养老金按月发放至本人社保卡金融账户。',
  },
  {
    key: 'pension-rural', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'announcement', dateMade: '2025-10-10',
    title: '关于调整城乡居民基本养老保险缴费档次的公告',
    body: '自2026年起，全市城乡居民基本养老保险个人缴费标准设为每年200元至5000元共14个档次，政府对选择500元及以上档次的给予每人每年不低于60元的缴费补贴。年满60周岁、累计缴费满15年的，可按月领取城乡居民养老保险待遇。',
  },
  {
    key: 'pension-penalty', agency: 'RSJ', category: 'enforcement', kind: 'document', docKind: 'decision', dateMade: '2026-05-12', docNumber: '示人社罚〔2026〕3号',
    title: '行政处罚决定书（示人社罚〔2026〕3号）',
    body: '当事人赵某某在其父亲死亡后未按规定办理养老保险待遇停发手续，继续冒领基本养老金共计38个月、金额7.6万元。依据《中华人民共和国社会保险法》第八十八条，本局责令其退回骗取的社会保险基金，并处骗取金额2倍的罚款。',
  },
  // ── RSJ: work injury, labour relations ───────────────────────────────────────
  {
    key: 'injury-guide', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-03-15',
    title: '工伤认定申请服务指南',
    body: '职工发生事故伤害或者被诊断、鉴定为职业病的，所在单位应当自事故伤害发生之日起30日内提出工伤认定申请；用人单位未提出的，工伤职工或其近亲属可在1年内直接申请。申请材料包括工伤认定申请表、劳动关系证明和医疗诊断证明。社会保险行政部门应当自受理之日起60日内作出工伤认定决定。',
  },
  {
    key: 'injury-notice', agency: 'RSJ', category: 'enforcement', kind: 'document', docKind: 'announcement', dateMade: '2026-06-03',
    title: '工伤认定决定书公告送达',
    body: '因无法直接送达，现依法向某某建筑劳务有限公司公告送达示人社工伤认字〔2026〕第118号《认定工伤决定书》。该公司职工孙某于2026年2月14日在施工现场受伤，本局认定为工伤。自公告之日起经过60日即视为送达。',
  },
  {
    key: 'injury-rate', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-08-15',
    title: '关于进一步做好工伤保险费率浮动管理工作的通知',
    body: '根据行业工伤风险类别和用人单位工伤保险费使用、工伤发生率等情况，对用人单位工伤保险费率实行逐年浮动。一类行业用人单位基准费率为0.2%，浮动后最高不超过基准费率的150%。',
  },
  {
    key: 'arb-guide', agency: 'RSJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-01-20',
    title: '劳动人事争议仲裁申请指南',
    body: '劳动者与用人单位发生劳动争议的，可自知道或者应当知道其权利被侵害之日起1年内向市劳动人事争议仲裁院申请仲裁。申请人应提交仲裁申请书及副本、身份证明和证据材料。追索劳动报酬、工伤医疗费、经济补偿或者赔偿金，不超过当地月最低工资标准12个月金额的争议，实行一裁终局。仲裁不收费。',
  },
  {
    key: 'arb-online', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-09-01',
    title: '关于开通劳动人事争议网上仲裁服务的通知',
    body: '为方便当事人就近办理，自2026年9月1日起开通“互联网+调解仲裁”服务平台。当事人可通过微信小程序或“示例人社”APP在线提交仲裁申请、上传PDF格式证据材料并查询案件进度，庭审可采取视频方式进行。',
  },
  {
    key: 'wage-campaign', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2026-11-05', docNumber: '示人社发〔2026〕58号',
    title: '关于开展2026年根治欠薪冬季专项行动的通知',
    body: '为确保农民工工资按时足额支付，自2026年11月15日至2027年春节前，在全市开展根治欠薪冬季专项行动。重点排查工程建设领域拖欠农民工工资问题，全面落实农民工工资专用账户、实名制管理和工资保证金制度。劳动者遇到欠薪可拨打12333热线或通过全国根治欠薪线索反映平台投诉。',
  },
  {
    key: 'wage-blacklist', agency: 'RSJ', category: 'enforcement', kind: 'other', docKind: null, dateMade: '2026-08-18',
    title: '拖欠农民工工资失信联合惩戒对象名单（2026年第2批）',
    body: '某某建设工程有限公司拖欠42名农民工工资共计136万元，经责令限期支付仍拒不支付。依据《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》，列入失信联合惩戒对象名单，期限为3年。',
  },
  {
    key: 'labour-penalty', agency: 'RSJ', category: 'enforcement', kind: 'document', docKind: 'decision', dateMade: '2026-07-22', docNumber: '示人社监罚〔2026〕7号',
    title: '劳动保障监察行政处罚决定书（示人社监罚〔2026〕7号）',
    body: '经查，某某餐饮管理有限公司未依法与12名劳动者签订书面劳动合同，且安排劳动者延长工作时间未支付加班费。依据《劳动保障监察条例》第二十六条，本局决定对该公司处以罚款2.4万元，并责令其限期改正。',
  },
  {
    key: 'min-wage', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-09-20', docNumber: '示人社发〔2025〕30号',
    title: '关于调整全市最低工资标准的通知',
    body: '经省政府批准，自2025年10月1日起调整我市最低工资标准：月最低工资标准由1900元调整为2080元，非全日制用工小时最低工资标准由19元调整为21元。用人单位支付给劳动者的工资不得低于最低工资标准，加班工资、高温津贴等不作为最低工资的组成部分。',
  },
  {
    key: 'min-wage-2023', agency: 'RSJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2023-06-10', docNumber: '示人社发〔2023〕18号', validity: 'expired',
    title: '关于调整全市最低工资标准的通知',
    body: '经省政府批准，自2023年7月1日起，我市月最低工资标准调整为1900元，非全日制用工小时最低工资标准调整为19元。',
  },
  // ── RSJ: public institutions, hotline, the bureau itself ─────────────────────
  {
    key: 'recruit', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'announcement', dateMade: '2026-03-01',
    title: '示例市2026年事业单位公开招聘工作人员公告',
    body: '经市人力资源和社会保障局批准，全市事业单位计划公开招聘工作人员386名。报名时间为2026年3月10日9:00至3月14日17:00，考生登录示例市人事考试网报名并上传近期免冠照片。笔试科目为《职业能力倾向测验》和《综合应用能力》。',
  },
  {
    key: 'recruit-result', agency: 'RSJ', category: 'work', kind: 'other', docKind: null, dateMade: '2026-06-20',
    title: '2026年事业单位公开招聘拟聘用人员公示（第一批）',
    body: '根据事业单位公开招聘有关规定，经笔试、面试、体检和考察，拟聘用刘某等52名同志，现予公示。公示期间如有异议，可向市人社局事业单位人事管理科反映。',
  },
  {
    key: 'exam-plan', agency: 'RSJ', category: 'emergency', kind: 'other', docKind: null, dateMade: '2026-05-30',
    title: '2026年度人事考试突发事件应急处置预案',
    body: '考试期间发生试卷泄密、极端天气或考点停电等情况时，考点主考应立即启动应急预案，第一时间报告市人事考试中心，并做好考生安抚和证据留存工作。',
  },
  {
    key: 'rsj-emergency', agency: 'RSJ', category: 'emergency', kind: 'document', docKind: 'notice', dateMade: '2025-04-15',
    title: '示例市人力资源和社会保障局突发事件应急预案',
    body: '本预案适用于本系统发生的因拖欠工资引发的群体性事件、社会保险信息系统故障、人事考试安全事件等突发事件的应对处置。根据事件性质、严重程度和影响范围，分为特别重大（Ⅰ级）、重大（Ⅱ级）、较大（Ⅲ级）和一般（Ⅳ级）四个等级。',
  },
  {
    key: 'hotline', agency: 'RSJ', category: 'work', kind: 'document', docKind: 'announcement', dateMade: '2026-10-08',
    title: '关于调整12333人社服务热线人工服务时间的公告',
    body: '自2026年10月15日起，12333热线人工服务时间调整为每天8:00至20:00（含节假日），其他时段提供自助语音查询。群众可查询社保缴费、养老保险待遇、就业政策等信息，也可对欠薪问题进行投诉举报。',
  },
  {
    key: 'rsj-budget', agency: 'RSJ', category: 'finance', kind: 'other', docKind: null, dateMade: '2026-02-05',
    title: '示例市人力资源和社会保障局2026年部门预算',
    body: '2026年本部门收入预算总计3.86亿元，其中一般公共预算拨款2.14亿元。支出预算主要用于就业补助、社会保险经办和人才发展等项目。“三公”经费预算合计48.6万元，比上年下降5%。',
  },
  {
    key: 'rsj-accounts', agency: 'RSJ', category: 'finance', kind: 'other', docKind: null, dateMade: '2026-08-10',
    title: '示例市人力资源和社会保障局2025年部门决算',
    body: '2025年度本部门收入决算3.71亿元，支出决算3.65亿元。“三公”经费支出41.2万元，完成年初预算的91%。机关运行经费支出286万元。',
  },
  {
    key: 'rsj-duties', agency: 'RSJ', category: 'overview', kind: 'other', docKind: null, dateMade: '2025-01-10',
    title: '示例市人力资源和社会保障局机构职能',
    body: '市人力资源和社会保障局是市政府工作部门，主要职责是：拟订全市人力资源和社会保障事业发展规划和政策；统筹建立覆盖城乡的社会保障体系；负责促进就业工作；负责全市社会保险基金监督；负责劳动保障监察工作，协调劳动者维权工作，依法查处重大案件。',
  },
  {
    key: 'ss-plan', agency: 'RSJ', category: 'plans', kind: 'document', docKind: 'report', dateMade: '2025-11-20',
    title: '示例市社会保障事业发展“十四五”规划中期评估报告',
    body: '规划实施以来，全市社会保障体系进一步健全，城乡居民最低生活保障、特困人员救助供养和残疾人两项补贴标准逐年提高。社会救助、社会福利和慈善事业协调发展，基本民生兜底保障能力明显增强。',
  },
  {
    key: 'rsj-annual', agency: 'RSJ', category: 'other', kind: 'document', docKind: 'report', dateMade: '2026-01-25',
    title: '示例市人力资源和社会保障局2025年政府信息公开工作年度报告',
    body: '2025年，本机关主动公开政府信息1268条，其中规范性文件23件。全年收到政府信息公开申请46件，均在法定期限内答复。未发生因政府信息公开引起的行政复议和行政诉讼被纠错的情况。',
  },
  // ── YBJ 示例市医疗保障局 ─────────────────────────────────────────────────────
  {
    key: 'yb-outpatient', agency: 'YBJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-02-20',
    title: '职工基本医疗保险门诊费用报销服务指南',
    body: '参保职工在定点医疗机构发生的普通门诊费用，起付标准为每年800元，起付标准以上部分在职职工报销比例为70%，退休人员为75%，年度最高支付限额为5000元。持医保电子凭证或社保卡即可直接结算，无需个人垫付。',
  },
  {
    key: 'yb-inpatient', agency: 'YBJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-12-15', docNumber: '示医保发〔2025〕19号',
    title: '关于调整城乡居民医疗保险住院费用报销比例的通知',
    body: '自2026年1月1日起，城乡居民在一级、二级、三级定点医疗机构住院的，政策范围内住院费用报销比例分别调整为85%、75%和60%，年度最高支付限额提高至25万元。',
  },
  {
    key: 'yb-manual', agency: 'YBJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-03-05',
    title: '医保零星报销（手工报销）办理指南',
    body: '参保人员因急诊、抢救在非定点医疗机构就医，或因特殊原因未能直接结算的，可在费用发生之日起6个月内申请零星报销。需提供医疗费用发票、费用明细清单、出院小结等材料，可通过“示例医保”APP上传材料照片或PDF文件。',
  },
  {
    key: 'yb-remote-guide', agency: 'YBJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-01-12',
    title: '异地就医备案办理指南',
    body: '参保人员异地长期居住或临时外出就医的，可通过国家医保服务平台APP、“示例医保”微信公众号或医保经办窗口办理异地就医备案。备案后在就医地定点医疗机构可直接结算住院和门诊费用。临时外出就医人员备案有效期为6个月。',
  },
  {
    key: 'yb-remote-notice', agency: 'YBJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2026-04-18',
    title: '关于进一步做好跨省异地就医直接结算工作的通知',
    body: '取消异地长期居住人员备案需提供的居住证明材料，实行承诺制备案。参保人员备案后可在备案有效期内在就医地和参保地双向享受待遇。2026年全市跨省直接结算定点医疗机构扩大到320家。',
  },
  {
    key: 'ltc-rules', agency: 'YBJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-11-01', docNumber: '示医保规〔2025〕1号',
    title: '示例市长期护理保险制度实施细则',
    body: '长期护理保险以职工基本医疗保险参保人员为覆盖对象，重点保障经评估达到重度失能等级的人员。居家护理每人每日补助60元，机构护理每人每日补助80元，护理服务机构须与医保经办机构签订服务协议。筹资标准为每人每年120元，由医保统筹基金和个人按1:1分担。',
  },
  {
    key: 'ltc-assess', agency: 'YBJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-03-18',
    title: '长期护理保险失能等级评估服务指南',
    body: '申请人或其监护人可向医保经办机构提出失能评估申请，评估机构在受理后20个工作日内完成现场评估。评估结论为重度失能一级至三级的，可享受长期护理保险待遇。',
  },
  {
    key: 'ltc-list', agency: 'YBJ', category: 'work', kind: 'other', docKind: null, dateMade: '2026-06-01',
    title: '2026年长期护理保险定点护理服务机构名单',
    body: '经机构申请、现场评估和社会公示，确定示例市康乐养护院等15家机构为长期护理保险定点护理服务机构，协议期限为2年。',
  },
  {
    key: 'yb-birth', agency: 'YBJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-02-25',
    title: '生育保险待遇申领服务指南',
    body: '参保职工生育或施行计划生育手术的，可申领生育医疗费用和生育津贴。生育津贴按职工所在用人单位上年度职工月平均工资计发，顺产产假为98天。',
  },
  {
    key: 'yb-ecard', agency: 'YBJ', category: 'services', kind: 'other', docKind: null, dateMade: '2026-05-15',
    title: '医保电子凭证激活使用指南',
    body: '参保人员可通过国家医保服务平台APP、微信或支付宝激活医保电子凭证，激活后在定点医药机构就医购药可扫码结算，无需携带实体社保卡。',
  },
  {
    key: 'yb-procurement', agency: 'YBJ', category: 'work', kind: 'document', docKind: 'notice', dateMade: '2025-07-01',
    title: '关于执行第十批国家组织药品集中采购中选结果的通知',
    body: '自2025年7月1日起，全市公立医疗机构执行第十批国家组织药品集中带量采购中选结果，涉及62个品种，平均降价幅度达到60%。',
  },
  {
    key: 'yb-penalty', agency: 'YBJ', category: 'enforcement', kind: 'document', docKind: 'decision', dateMade: '2026-06-22', docNumber: '示医保罚〔2026〕2号',
    title: '行政处罚决定书（示医保罚〔2026〕2号）',
    body: '经查，某某大药房连锁有限公司第六分店存在串换药品、虚构医药服务项目等违法行为，造成医保基金损失4.3万元。依据《医疗保障基金使用监督管理条例》第三十八条，本局责令其退回医保基金，处造成损失金额2倍的罚款8.6万元，并解除医保服务协议。',
  },
  {
    key: 'yb-reward', agency: 'YBJ', category: 'policy', kind: 'document', docKind: 'notice', dateMade: '2025-05-10',
    title: '示例市欺诈骗取医疗保障基金行为举报奖励办法',
    body: '举报人举报欺诈骗保行为，经查证属实的，按照案值的一定比例给予奖励，最高不超过20万元。举报可通过12345热线、“示例医保”APP或现场提交书面材料。',
  },
  {
    key: 'yb-emergency', agency: 'YBJ', category: 'emergency', kind: 'document', docKind: 'notice', dateMade: '2025-03-20',
    title: '示例市医疗保障局突发公共卫生事件医疗保障应急预案',
    body: '发生突发公共卫生事件时，对确诊患者发生的医疗费用实行先救治后结算，医保基金预付资金，确保患者不因费用问题影响就医。',
  },
  {
    key: 'ybj-duties', agency: 'YBJ', category: 'overview', kind: 'other', docKind: null, dateMade: '2025-01-12',
    title: '示例市医疗保障局机构职能',
    body: '负责拟订全市医疗保险、生育保险、医疗救助等医疗保障制度的政策并组织实施；监督管理医疗保障基金；组织推进药品和医用耗材集中采购；负责异地就医管理和结算工作。',
  },
  {
    key: 'ybj-budget', agency: 'YBJ', category: 'finance', kind: 'other', docKind: null, dateMade: '2026-02-06',
    title: '示例市医疗保障局2026年部门预算',
    body: '2026年本部门收入预算总计6520万元，均为一般公共预算拨款。“三公”经费预算合计12.3万元，其中公务接待费2.1万元。',
  },
  {
    key: 'ybj-accounts', agency: 'YBJ', category: 'finance', kind: 'other', docKind: null, dateMade: '2026-08-12',
    title: '示例市医疗保障局2025年部门决算',
    body: '2025年度本部门支出决算6105万元，占年初预算的94%。“三公”经费支出9.8万元。',
  },
  {
    key: 'ybj-annual', agency: 'YBJ', category: 'other', kind: 'document', docKind: 'report', dateMade: '2026-01-26',
    title: '示例市医疗保障局2025年政府信息公开工作年度报告',
    body: '2025年，本机关主动公开政府信息312条。全年收到政府信息公开申请9件，其中予以公开5件、不属于本机关公开3件、信息不存在1件。',
  },
];
