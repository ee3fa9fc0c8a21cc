"""The jurisdiction a simulated paper serves: its city, counties, towns, firms and the officials who
hold each seat, with the posts papers print before their names.

Everything is drawn from a `random.Random`, so one seed gives one world. Names are generated from
a surname list (with some compound surnames) and a broad pool of given-name characters; no two
officials of a world share a name, and no name is contained in another.
"""

from __future__ import annotations

import csv
import functools
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass

from fangzhi.extract.places import _cpca_resources, gazetteer
from fangzhi.sim.truth import Official

# Surnames by rough frequency: the first block is drawn far more often than the second.
_COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵严覃武戴莫孔汤常康"
)
_RARER_SURNAMES = (
    "易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝"
    "辛靳管柴蒙鲍喻祁蒲滕饶牟艾尤阳穆卓古缪简项麦褚娄窦戚岑景宫卜冷晏席米柏宗瞿桂佟邬边卞栾隋甄虞敖巩"
    "于向万温文成时"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "皇甫", "令狐", "慕容", "司徒", "东方", "尉迟")
# Given-name characters: common in names, none of them a word that ends a name in running text.
_GIVEN = (
    "建国华明伟志军平海红林斌勇辉玲静婷丽芳强磊涛宏峰杰鹏敏立春桂云德荣兴祥福松柏波浩宇晓晨俊凯翔毅琳慧"
    "颖洁璐蓉霞燕萍梅兰凤英秀娟珍卫东亮刚锋彬超旭欣怡帆航健坤泽洪涵博远嘉宁成清光耀润瑞祺铭昊哲骏彦维钧"
    "岚萌雪冰霖雨露青川山岳峻岩石泉江河湘沅澧韬略冬秋夏湘楠桦杉梓枫桐棠莉菁芸茜蕾薇葵莲荷菊竹筠"
    "敬孝忠义仁礼智信勤俭朴诚达通晖曦昕昱晟昌盛隆泰康宜嘉佳庆喜乐欢颂歌韵琴书诗文墨翰章彰显卓越"
    "子小少永长延寿松鹤鸿雁鹰凌云霄汉天宙方圆正直坚毅劲锐锋利振奋发扬威武雄豪杰俊彪炳辉煌灿烁"
)
_NOT_IN_NAMES = frozenset("等和与及同在对向为就从于的了是也都")


def _given_pool() -> str:
    seen: dict[str, None] = {}
    for c in _GIVEN:
        if c not in _NOT_IN_NAMES:
            seen.setdefault(c)
    return "".join(seen)


GIVEN_CHARS = _given_pool()


def make_name(rng: random.Random, taken: set[str] | None = None) -> str:
    """A personal name of 2–4 Han characters, not in `taken` and neither inside nor around any
    name in it (added to `taken` when given)."""
    taken = taken if taken is not None else set()
    while True:
        r = rng.random()
        if r < 0.02:
            surname = rng.choice(_COMPOUND_SURNAMES)
        elif r < 0.22:
            surname = rng.choice(_RARER_SURNAMES)
        else:
            surname = rng.choice(_COMMON_SURNAMES)
        # about 15% of all names are two characters: a single surname and a single given name
        single = rng.random() < (0.16 if len(surname) == 1 else 0.5)
        given = rng.choice(GIVEN_CHARS)
        if not single:
            second = rng.choice(GIVEN_CHARS)
            if second == given and rng.random() < 0.8:
                continue
            given += second
        name = surname + given
        if any(name in t or t in name for t in taken):
            continue
        taken.add(name)
        return name


@dataclass(frozen=True, slots=True)
class Seat:
    """An office and its holder. `official.posts` is the fullest printed form, `short` the form
    papers use when they name the office alone (市长某某 for a 市委副书记、市长)."""

    role: str
    official: Official
    short: tuple[str, ...]
    tier: str  # province | city | bureau | county | town | village | guest
    area: str  # the body the seat belongs to: the city, a county, a town, a firm…

    @property
    def name(self) -> str:
        return self.official.name


@dataclass(frozen=True)
class World:
    """One jurisdiction a paper serves, with its officials, places, firms and policy lines."""

    province: str
    city: str
    counties: tuple[str, ...]
    seats: tuple[Seat, ...]
    towns: tuple[tuple[str, str], ...]  # (county, town)
    villages: tuple[tuple[str, str], ...]  # (town, village)
    parks: tuple[str, ...]  # industrial parks and development zones
    firms: tuple[str, ...]  # companies whose heads visit, sign and invest
    schools: tuple[str, ...]
    slogans: tuple[str, ...]  # [0] the development strategy, [1] a numbered formula, [2] a goal, …
    neighbours: tuple[str, ...] = ()  # other prefecture-level cities of the province

    @property
    def level(self) -> str:
        """The character the city's posts are built on: 市, 州 or 盟."""
        return self.city[-1] if self.city[-1] in "市州盟" else "市"

    @property
    def short(self) -> str:
        return short_name(self.city)

    @property
    def province_short(self) -> str:
        return short_name(self.province)

    def seat(self, role: str) -> Seat:
        for s in self.seats:
            if s.role == role:
                return s
        raise KeyError(role)

    def seats_of(self, role: str) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if s.role == role)

    def tier(self, tier: str, area: str | None = None) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if s.tier == tier and (area is None or s.area == area))


def short_name(full: str) -> str:
    """衡阳市 → 衡阳, 湖南省 → 湖南, 黔西南布依族苗族自治州 → 黔西南: the gazetteer's convention."""
    return gazetteer().short_name(full) or full


def _county_word(county: str) -> str:
    """The character a county's posts are built on: 县委书记, 区长, 市长, 旗长."""
    last = county[-1]
    return last if last in "县区市旗" else "县"


_PLACE_CHARS = (
    "石桥塘湾坪山河江田溪岭冲铺洲源泉峰林岗湖潭坝沙花桃柳松梅龙凤云金银新安和平太长白青黄红东西南北"
    "大高双杨柏枫竹茶荷莲樟槐杉枣栗谷丰兴富盛福寿泰康宁"
)
_BRANDS = "华远恒泰鑫瑞博嘉宏信达通科创威盛联力德众合祥源锦天凯星辰昊拓澜峻岳湘衡楚粤蓝启航智"
_INDUSTRIES = (
    "新能源",
    "智能装备",
    "新材料",
    "生物医药",
    "电子科技",
    "现代农业",
    "冷链物流",
    "文化旅游",
    "数字科技",
    "电力装备",
    "汽车零部件",
    "精细化工",
    "食品",
    "纺织",
    "建材",
    "环保科技",
    "通用航空",
    "储能",
)
_FIRM_SUFFIX = ("集团", "集团有限公司", "股份有限公司", "有限公司")
_BANKS = ("中国工商银行", "中国农业银行", "中国建设银行", "国家开发银行", "中国银行", "交通银行")


def _invent(rng: random.Random, chars: str, taken: set[str], suffix: str) -> str:
    while True:
        word = rng.choice(chars) + rng.choice(chars)
        if word[0] != word[1] and word + suffix not in taken:
            taken.add(word + suffix)
            return word + suffix


def _slogans(rng: random.Random, city_short: str) -> tuple[str, ...]:
    first = rng.choice(("工业", "制造", "产业", "实业", "科创", "开放", "物流", "商贸", "数字", "项目"))
    second = rng.choice(
        [w for w in ("生态", "文旅", "宜居", "人文", "康养", "绿色", "品质", "商贸") if w != first]
    )
    verb1 = rng.choice(("立市", "强市", "兴市"))
    verb2 = rng.choice(("兴城", "美城", "活城", "惠民", "富民"))
    strategy = f"{first}{verb1}、{second}{verb2}"
    nums = "一二三四五六"
    i = rng.randrange(0, 4)
    j = rng.randrange(i + 1, 6)
    a, b = rng.sample("核带区城圈廊心极轴群", 2)
    formula = f"{nums[i]}{a}{nums[j]}{b}"
    if rng.random() < 0.5:
        k = rng.randrange(j, 6)
        c = rng.choice([x for x in "高新优强美畅" if x not in formula])
        formula = f"{nums[i]}{rng.choice('高新优强')}{nums[k]}{c}"
    goal = rng.choice(
        (
            f"{city_short}都市圈一体化",
            "产业倍增",
            "园区提质",
            f"{city_short}品质之城",
            "县域经济强县",
            "区域性枢纽",
            "城乡融合示范",
        )
    )
    campaign = rng.choice(("项目攻坚年", "作风建设年", "营商环境提升年", "招商引资突破年", "基层治理深化年"))
    extra = rng.choice(("三比三争", "五个一批", "百企帮百村", "双联双促", "千名干部进千企"))
    return (strategy, formula, goal, campaign, extra)


@functools.cache
def _division_table() -> list[tuple[str, str]] | None:
    """(code, name) of every division in cpca's table, read once."""
    try:
        path = _cpca_resources() / "adcodes.csv"
    except ModuleNotFoundError:
        return None
    if not path.exists():
        return None
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
    next(rows)
    return sorted({(r[0][:6], r[1]) for r in rows if r and len(r[0]) >= 6})


division_table = _division_table


def neighbouring_cities(province: str, city: str) -> tuple[str, ...]:
    """The other prefecture-level divisions of `province` in cpca's table (empty without cpca)."""
    table = _division_table()
    if table is None:
        return ()
    prov = next((code for code, name in table if name == province and code.endswith("0000")), None)
    if prov is None:
        return ()
    return tuple(
        name
        for code, name in table
        if code.startswith(prov[:2])
        and code.endswith("00")
        and not code.endswith("0000")
        and name != city
        and name not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
    )


def pick_jurisdiction(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    """A real (province, city, counties) from cpca's division table, for `make_world`."""
    table = _division_table()
    if table is None:
        return ("湖南省", "衡阳市", ("衡阳县", "衡南县", "衡山县", "衡东县", "祁东县", "耒阳市", "常宁市"))
    names = dict(table)
    cities = [
        (code, name)
        for code, name in table
        if code.endswith("00")
        and not code.endswith("0000")
        and name.endswith("市")
        and names.get(code[:2] + "0000", "").endswith("省")
    ]
    while True:
        code, city = rng.choice(cities)
        counties = tuple(
            n
            for c, n in table
            if c.startswith(code[:4]) and c != code and not c.endswith("00") and n != "市辖区"
        )
        if len(counties) >= 3:
            return names[code[:2] + "0000"], city, counties


def make_world(rng: random.Random, province: str, city: str, counties: Sequence[str]) -> World:
    """A jurisdiction with every seat filled by a generated official."""
    if not counties:
        raise ValueError("a world needs at least one county")
    taken: set[str] = set()
    seats: list[Seat] = []
    lv = city[-1] if city[-1] in "市州盟" else "市"
    p = "省" if province.endswith("省") else "自治区"
    p_party = "省委" if p == "省" else "自治区党委"
    p_head = "省长" if p == "省" else "自治区主席"
    p_vice = "副省长" if p == "省" else "自治区副主席"

    def add(role: str, posts: tuple[str, ...], short: tuple[str, ...] | None, tier: str, area: str) -> None:
        seats.append(Seat(role, Official(make_name(rng, taken), posts), short or posts, tier, area))

    # the province
    add("p-secretary", (f"{p_party}书记",), None, "province", province)
    add("p-governor", (f"{p_party}副书记", p_head), (p_head,), "province", province)
    add("p-sc-vice", (f"{p_party}常委", p_vice), (p_vice,), "province", province)
    add("p-vice", (p_vice,), None, "province", province)
    add("p-npc-vice", (f"{p}人大常委会副主任",), None, "province", province)
    add("p-cppcc-vice", (f"{p}政协副主席",), None, "province", province)
    for dept, title in (
        ("发展改革委", "主任"),
        ("工业和信息化厅", "厅长"),
        ("商务厅", "厅长"),
        ("应急管理厅", "厅长"),
        ("农业农村厅", "厅长"),
    ):
        add("p-dept", (f"{p}{dept}{title}",), None, "province", province)
    # the city's leaders, in the order papers list them
    add("secretary", (f"{lv}委书记",), None, "city", city)
    add("mayor", (f"{lv}委副书记", f"{lv}长"), (f"{lv}长",), "city", city)
    add("npc-chair", (f"{lv}人大常委会主任",), None, "city", city)
    add("cppcc-chair", (f"{lv}政协主席",), None, "city", city)
    add("deputy-secretary", (f"{lv}委副书记",), None, "city", city)
    add("exec-vice", (f"{lv}委常委", f"常务副{lv}长"), (f"常务副{lv}长",), "city", city)
    for role, post in (
        ("discipline", f"{lv}纪委书记"),
        ("organization", f"{lv}委组织部部长"),
        ("propaganda", f"{lv}委宣传部部长"),
        ("politics-law", f"{lv}委政法委书记"),
        ("sc-secretary-general", f"{lv}委秘书长"),
        ("united-front", f"{lv}委统战部部长"),
    ):
        add(role, (f"{lv}委常委", post), (post,), "city", city)
    add("sc-vice", (f"{lv}委常委", f"副{lv}长"), (f"副{lv}长",), "city", city)
    for _ in range(3):
        add("vice-mayor", (f"副{lv}长",), None, "city", city)
    for _ in range(2):
        add("npc-vice", (f"{lv}人大常委会副主任",), None, "city", city)
    for _ in range(2):
        add("cppcc-vice", (f"{lv}政协副主席",), None, "city", city)
    add("gov-secretary-general", (f"{lv}政府秘书长",), None, "city", city)
    add("court", (f"{lv}中级人民法院院长",), None, "city", city)
    add("procuratorate", (f"{lv}人民检察院检察长",), None, "city", city)
    # the city's departments
    for bureau, title in (
        ("发展改革委", "主任"),
        ("工业和信息化局", "局长"),
        ("教育局", "局长"),
        ("财政局", "局长"),
        ("住房和城乡建设局", "局长"),
        ("交通运输局", "局长"),
        ("农业农村局", "局长"),
        ("商务局", "局长"),
        ("应急管理局", "局长"),
        ("生态环境局", "局长"),
        ("卫生健康委", "主任"),
        ("文化旅游广电体育局", "局长"),
        ("自然资源和规划局", "局长"),
        ("市场监督管理局", "局长"),
        ("水利局", "局长"),
        ("民政局", "局长"),
        ("人力资源和社会保障局", "局长"),
        ("城市管理和综合执法局", "局长"),
    ):
        body = f"{lv}{bureau}"
        one = (f"{body}{title}",)
        full = (f"{body}党组书记", title) if rng.random() < 0.4 else one
        add("bureau", full, one, "bureau", body)
    # counties, towns and villages
    towns: list[tuple[str, str]] = []
    villages: list[tuple[str, str]] = []
    place_names: set[str] = set()
    for county in counties:
        w = _county_word(county)
        add("county-secretary", (f"{county}委书记",), None, "county", county)
        add("county-head", (f"{county}委副书记", f"{w}长"), (f"{county}{w}长",), "county", county)
        if rng.random() < 0.3:  # a cadre sent from above to serve a term (挂职)
            add("county-vice", (f"{county}委常委", f"挂职副{w}长"), (f"挂职副{w}长",), "county", county)
        for _ in range(2):
            town = _invent(rng, _PLACE_CHARS, place_names, rng.choice("镇镇镇乡"))
            towns.append((county, town))
            add("town-secretary", (f"{town}党委书记",), None, "town", town)
            for _ in range(2):
                village = _invent(rng, _PLACE_CHARS, place_names, "村")
                villages.append((town, village))
                add("village-secretary", (f"{village}党支部书记",), None, "village", village)
    parks: list[str] = []
    for county in counties[:4]:
        parks.append(
            short_name(county) + rng.choice(("经济开发区", "高新技术产业开发区", "工业集中区", "产业园"))
        )
    parks.append(short_name(city) + rng.choice(("国家高新区", "综合保税区", "经济技术开发区")))
    # guests: firms, universities, banks, neighbouring cities
    firm_names: set[str] = set()
    firms: list[str] = []
    for _ in range(6):
        firm = _invent(rng, _BRANDS, firm_names, rng.choice(_INDUSTRIES) + rng.choice(_FIRM_SUFFIX))
        firms.append(firm)
        chair = (f"{firm}党委书记", "董事长") if rng.random() < 0.3 else (f"{firm}董事长",)
        add("firm-chair", chair, (f"{firm}董事长",), "guest", firm)
        add("firm-manager", (f"{firm}总经理",), None, "guest", firm)
    schools: list[str] = []
    for _ in range(2):
        uni = _invent(
            rng, _BRANDS, firm_names, rng.choice(("理工大学", "科技大学", "师范学院", "职业技术学院"))
        )
        add(
            "university-head",
            (f"{uni}党委书记",) if rng.random() < 0.4 else (f"{uni}校长",),
            None,
            "guest",
            uni,
        )
    for county in counties[:3]:
        schools.append(short_name(county) + rng.choice(("第一中学", "实验中学", "实验小学", "职业中专")))
    bank = f"{rng.choice(_BANKS)}{province}分行"
    add("bank-head", (f"{bank}行长",), None, "guest", bank)
    add("association-head", (f"{province}{rng.choice(_INDUSTRIES)}行业协会会长",), None, "guest", province)
    neighbours = neighbouring_cities(province, city)
    cities = [n for n in neighbours if n.endswith("市")]
    for other in rng.sample(cities, min(2, len(cities))):
        add("delegation-head", (f"{other}委书记",), None, "guest", other)
    return World(
        province=province,
        city=city,
        counties=tuple(counties),
        seats=tuple(seats),
        towns=tuple(towns),
        villages=tuple(villages),
        parks=tuple(parks),
        firms=tuple(firms),
        schools=tuple(schools),
        slogans=_slogans(rng, short_name(city)),
        neighbours=tuple(neighbours),
    )
