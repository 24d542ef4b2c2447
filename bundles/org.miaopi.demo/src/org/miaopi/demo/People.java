package org.miaopi.demo;

import java.time.LocalDate;
import java.util.Random;

import org.miaopi.core.id.ResidentId;
import org.miaopi.core.id.UnifiedSocialCreditCode;

/** Chinese names, Shenzhen addresses and valid identifiers, drawn from a seeded {@link Random}. */
final class People {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";
	private static final String[] COMPOUND = { "欧阳", "司马", "上官", "诸葛" };
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏宇浩然子轩梓涵欣怡佳琪雨萱思远嘉豪俊杰晨曦一鸣文博雅婷诗涵志强建国淑珍秀英凤兰国强建华";
	private static final String[] DISTRICTS = { "福田区", "罗湖区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区", "坪山区", "光明区", "大鹏新区" };
	private static final String[][] STREETS = {
			{ "深南大道", "福华路", "益田路", "彩田路" }, { "人民南路", "东门中路", "宝安南路", "建设路" },
			{ "科技园南路", "南海大道", "后海大道", "学府路" }, { "宝安大道", "新安六路", "创业一路", "航城大道" },
			{ "龙岗大道", "龙翔大道", "布吉路", "坂田五和大道" }, { "沙头角深盐路", "海山路", "盐田路", "北山道" },
			{ "人民路", "梅龙大道", "民治大道", "观澜大道" }, { "坪山大道", "深汕路", "东纵路", "金牛路" },
			{ "光明大道", "华夏路", "公常路", "光侨路" }, { "葵涌金业大道", "迎宾路", "鹏飞路", "南澳海滨路" } };
	private static final String[] DISTRICT_CODES = { "440304", "440303", "440305", "440306", "440307", "440308",
			"440309", "440310", "440311", "440312" };
	/** Where graduates and drivers come from: Shenzhen and the provinces that send most migrants. */
	private static final String[] ORIGIN_CODES = { "440305", "440304", "440306", "440307", "445202", "441502",
			"430102", "420106", "360102", "450103", "510104", "610113", "410105", "350102", "370102", "320102",
			"330106", "110105", "310115", "500103", "340104", "130102", "220102", "230103" };
	static final String[] SCHOOLS = { "深圳大学", "南方科技大学", "哈尔滨工业大学（深圳）", "清华大学深圳国际研究生院",
			"北京大学深圳研究生院", "深圳技术大学", "中山大学", "华南理工大学", "武汉大学", "湖南大学", "四川大学",
			"香港中文大学（深圳）" };
	static final String[] DEGREES = { "学士", "硕士", "博士" };
	private static final String[] FIRM_WORDS = { "康", "健", "仁", "和", "益", "民", "华", "瑞", "泰", "安", "福", "嘉",
			"德", "信", "博", "鹏", "海", "星", "智", "远" };
	private static final String[] FIRM_KINDS = { "大药房有限公司", "医药连锁有限公司", "健康药房有限公司", "教育培训中心",
			"职业技能培训学校", "科技教育有限公司" };

	private final Random random;
	private final LocalDate today;

	People(Random random, LocalDate today) {
		this.random = random;
		this.today = today;
	}

	String name() {
		String surname = random.nextInt(50) == 0 ? COMPOUND[random.nextInt(COMPOUND.length)]
				: String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int len = random.nextInt(3) == 0 ? 1 : 2;
		StringBuilder given = new StringBuilder();
		for (int i = 0; i < len; i++) {
			given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return surname + given;
	}

	String address() {
		int d = random.nextInt(DISTRICTS.length);
		String street = STREETS[d][random.nextInt(STREETS[d].length)];
		return "广东省深圳市" + DISTRICTS[d] + street + (1 + random.nextInt(3000)) + "号"
				+ (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(30) * 100 + random.nextInt(8)) + "室";
	}

	/** A valid 18-digit resident ID of someone born between {@code minAge} and {@code maxAge} years ago. */
	ResidentId residentId(int minAge, int maxAge, boolean shenzhen) {
		LocalDate birth = today.minusYears(minAge).minusDays(random.nextInt(Math.max(1, (maxAge - minAge) * 365)));
		String area = shenzhen ? DISTRICT_CODES[random.nextInt(DISTRICT_CODES.length)]
				: ORIGIN_CODES[random.nextInt(ORIGIN_CODES.length)];
		String first17 = area + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth(), random.nextInt(1000));
		return ResidentId.parse(first17 + ResidentId.checkDigit(first17), today);
	}

	/** A valid unified social credit code: registered with the market regulator (9) as an enterprise (1). */
	UnifiedSocialCreditCode creditCode(boolean nonEnterprise) {
		String alphabet = UnifiedSocialCreditCode.ALPHABET;
		StringBuilder b = new StringBuilder(nonEnterprise ? "52" : "91");
		b.append(DISTRICT_CODES[random.nextInt(DISTRICT_CODES.length)]);
		for (int i = 0; i < 9; i++) {
			b.append(i < 8 ? alphabet.charAt(random.nextInt(alphabet.length())) : alphabet.charAt(random.nextInt(10)));
		}
		b.append(UnifiedSocialCreditCode.checkCharacter(b));
		return UnifiedSocialCreditCode.parse(b.toString());
	}

	String firmName(boolean training) {
		String w = FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)];
		String kind = training ? FIRM_KINDS[3 + random.nextInt(3)] : FIRM_KINDS[random.nextInt(3)];
		return "深圳市" + w + kind;
	}

	String school() {
		return SCHOOLS[random.nextInt(SCHOOLS.length)];
	}
}
