/// A compact pinyin table (toneless) for the Han characters most used in Chinese surnames and
/// given names, plus common words of titles, in simplified and traditional forms; citation keys
/// and the CSL engine's Chinese sort keys read it. Surnames take
/// their surname reading (单 shan, 解 xie, 曾 zeng, 区 ou, 朴 piao). Written for Cited's keys:
/// a character it does not hold stays in its own script.
public enum PinyinTable {
  /// Syllable → the characters read so.
  private static let rows: [(String, String)] = [
    ("ai", "艾爱愛"), ("an", "安"), ("ao", "敖奥奧"),
    ("ba", "巴"), ("bai", "白柏百"), ("ban", "班版办辦"), ("bao", "包鲍鮑宝寶保报報"), ("bei", "贝貝北"),
    ("bi", "毕畢碧"), ("bian", "边邊卞变變"), ("bin", "彬斌滨濱"), ("bing", "冰兵炳"), ("bo", "波博伯"),
    ("cai", "蔡才彩财財"), ("cao", "曹"), ("cen", "岑"), ("chang", "常昌长長畅暢"), ("chao", "超朝潮"),
    ("che", "车車"), ("chen", "陈陳晨辰臣琛"), ("cheng", "成程承诚誠城澄"), ("chi", "池迟遲"),
    ("chong", "崇"), ("chu", "初楚褚储儲出"), ("chuan", "川传傳"), ("chun", "春淳纯純"), ("cong", "聪聰丛叢"),
    ("cui", "崔翠"), ("cun", "村"),
    ("da", "达達大"), ("dai", "代戴黛"), ("dan", "丹"), ("dang", "党黨"), ("dao", "道导導"), ("de", "德"),
    ("deng", "邓鄧登"), ("di", "狄迪笛第"), ("diao", "刁"), ("ding", "丁鼎定"), ("dong", "东東董冬栋棟"),
    ("dou", "窦竇"), ("du", "杜度"), ("duan", "段端"),
    ("e", "鄂"), ("en", "恩"), ("er", "尔爾二"),
    ("fa", "发發法"), ("fan", "范範樊凡帆"), ("fang", "方芳房放"), ("fei", "飞飛菲费費斐"), ("fen", "芬"),
    ("feng", "丰豐冯馮封风風峰锋鋒凤鳳枫楓"), ("fu", "伏福付傅符富甫复復芙"),
    ("gai", "改"), ("gan", "甘干"), ("gang", "刚剛钢鋼"), ("gao", "高郜告"), ("ge", "戈葛格革"), ("geng", "耿庚"),
    ("gong", "弓龚龔宫宮功贡貢共工公"), ("gou", "苟构構"), ("gu", "古谷顾顧"), ("guan", "关關官冠管"),
    ("guang", "光广廣"), ("gui", "贵貴桂归歸"), ("guo", "郭国國果"),
    ("ha", "哈"), ("hai", "海"), ("han", "韩韓寒汉漢涵"), ("hang", "杭航"), ("hao", "郝浩皓昊豪好"),
    ("he", "何贺賀和河合荷赫"), ("heng", "衡恒恆"), ("hong", "弘洪红紅宏鸿鴻虹"), ("hou", "侯后後厚"),
    ("hu", "胡湖虎"), ("hua", "华華花桦樺化"), ("huai", "怀懷"), ("huan", "欢歡桓环環"), ("huang", "黄黃皇"),
    ("hui", "辉輝慧惠会會晖暉徽"), ("huo", "霍火"),
    ("ji", "姬吉纪紀季冀基济濟继繼计計记記机機集"), ("jia", "佳家嘉贾賈甲"), ("jian", "简簡建剑劍坚堅健鉴鑑"),
    ("jiang", "江姜蒋蔣将將疆"), ("jiao", "焦娇嬌交"), ("jie", "杰傑洁潔捷婕结結"),
    ("jin", "金锦錦晋晉进進瑾津靳近"), ("jing", "京经經晶静靜景敬婧井荆荊菁"), ("jiong", "炯"),
    ("jiu", "九久究"), ("ju", "居菊鞠举舉"), ("juan", "娟"), ("jun", "军軍君俊峻骏駿钧鈞"),
    ("kai", "开開凯凱楷"), ("kang", "康亢"), ("ke", "柯可克科"), ("kong", "孔"), ("kou", "寇"), ("ku", "库庫"),
    ("kuang", "匡况況旷曠"), ("kui", "奎魁"), ("kun", "坤昆"),
    ("lai", "来來赖賴"), ("lan", "兰蘭蓝藍岚嵐"), ("lang", "郎朗浪"), ("lao", "劳勞老"), ("le", "乐樂"),
    ("lei", "雷蕾磊"), ("leng", "冷"), ("li", "黎李礼禮理力立丽麗利励勵莉厉厲历歷"),
    ("lian", "连連莲蓮廉练練"), ("liang", "良梁亮凉涼"), ("liao", "廖辽遼"), ("lin", "林琳霖麟"),
    ("ling", "凌玲灵靈令岭嶺铃鈴领領"), ("liu", "刘劉柳六流"), ("long", "龙龍隆"), ("lou", "娄婁楼樓"),
    ("lu", "卢盧鲁魯陆陸路露禄祿鹿吕呂律绿綠"), ("luan", "栾欒"), ("lun", "伦倫论論"),
    ("luo", "罗羅骆駱洛络絡"),
    ("ma", "马馬"), ("mai", "麦麥"), ("man", "满滿"), ("mao", "毛茅茂"), ("mei", "梅美媚"),
    ("meng", "孟梦夢蒙"), ("mi", "米密"), ("miao", "苗妙缪繆"), ("min", "民敏闵閔"), ("ming", "明铭銘鸣鳴名"),
    ("mo", "莫墨默"), ("mou", "牟"), ("mu", "木穆慕牧"),
    ("na", "那娜"), ("nan", "南楠男"), ("ni", "倪妮"), ("nian", "年念"), ("nie", "聂聶"), ("ning", "宁寧凝"),
    ("niu", "牛"), ("nong", "农農"), ("nuo", "诺諾"),
    ("ou", "欧歐区區"),
    ("pan", "潘盘盤"), ("pang", "庞龐"), ("pei", "裴培佩沛"), ("peng", "彭鹏鵬朋蓬"), ("pi", "皮"),
    ("piao", "朴"), ("ping", "平萍屏"), ("pu", "蒲浦普"),
    ("qi", "七齐齊戚祁琪琦启啟起奇棋旗期"), ("qian", "钱錢乾千倩谦謙迁遷"), ("qiang", "强強"), ("qiao", "乔喬巧"),
    ("qin", "秦琴勤钦欽覃沁"), ("qing", "青清庆慶卿晴"), ("qiong", "琼瓊"), ("qiu", "邱秋丘裘球仇"),
    ("qu", "曲屈瞿"), ("quan", "全权權泉"), ("qun", "群"),
    ("ran", "冉然"), ("rao", "饶饒"), ("ren", "任仁人"), ("ri", "日"), ("rong", "荣榮容蓉融戎"),
    ("ru", "如茹汝儒"), ("ruan", "阮"), ("rui", "瑞睿锐銳"), ("run", "润潤"), ("ruo", "若"),
    ("sa", "萨薩"), ("sai", "赛賽"), ("san", "三"), ("sang", "桑"), ("sen", "森"), ("sha", "沙莎"),
    ("shan", "山单單善珊"), ("shang", "商尚上"), ("shao", "邵绍紹少韶"), ("she", "佘社"),
    ("shen", "申沈深慎"), ("sheng", "盛生胜勝圣聖升省"), ("shi", "施石史时時师師世士诗詩实實仕事市"),
    ("shu", "舒书書淑树樹"), ("shuai", "帅帥"), ("shuang", "双雙爽"), ("shui", "水"), ("shun", "顺順舜"),
    ("si", "司思斯四"), ("song", "宋松颂頌"), ("su", "苏蘇素肃肅"), ("sun", "孙孫"), ("suo", "索"),
    ("tan", "谭譚"), ("tang", "汤湯唐棠"), ("tao", "陶涛濤桃"), ("teng", "滕腾騰"), ("ti", "体體题題"),
    ("tian", "田天甜"), ("tie", "铁鐵"), ("ting", "亭婷廷庭厅廳"), ("tong", "同童佟通彤桐"), ("tu", "涂塗图圖屠"),
    ("tuan", "团團"),
    ("wan", "万萬婉宛"), ("wang", "汪王望旺网網"), ("wei", "韦韋魏卫衛伟偉维維威薇巍蔚为為委"),
    ("wen", "温溫文闻聞雯问問"), ("weng", "翁"), ("wo", "沃"), ("wu", "乌烏吴吳武伍巫邬鄔无無五悟务務"),
    ("xi", "西希喜熙席习習溪曦系息"), ("xia", "夏霞"), ("xian", "仙先贤賢冼显顯宪憲娴嫻献獻县縣"),
    ("xiang", "相向香祥翔湘项項想"), ("xiao", "萧蕭肖小晓曉笑孝"), ("xie", "谢謝解"),
    ("xin", "心新欣信鑫辛馨"), ("xing", "星兴興邢幸杏"), ("xiong", "熊雄"), ("xiu", "修秀"),
    ("xu", "徐许許旭续續胥须須"), ("xuan", "轩軒宣玄萱"), ("xue", "薛学學雪"), ("xun", "荀寻尋勋勳迅"),
    ("ya", "亚亞雅"), ("yan", "严嚴颜顏燕闫閆阎閻言岩延艳豔彦彥妍晏研"), ("yang", "杨楊阳陽洋扬揚央"),
    ("yao", "姚尧堯耀瑶瑤"), ("ye", "叶葉业業野"), ("yi", "一伊易义義毅艺藝怡依仪儀宜益逸佚"),
    ("yin", "殷尹银銀音印"), ("ying", "英应應颖穎莹瑩迎鹰鷹影"), ("yong", "永勇雍咏詠"), ("you", "尤游"),
    ("yu", "于余俞虞宇玉雨语語育郁裕瑜禹喻羽愉与與"), ("yuan", "元袁远遠源苑媛园園圆圓渊淵员員院"),
    ("yue", "岳月越悦悅跃躍"), ("yun", "云雲运運允芸韵韻蕴蘊"),
    ("zang", "臧"), ("zeng", "曾增"), ("zhai", "翟"), ("zhan", "詹展湛战戰"), ("zhang", "张張章彰"),
    ("zhao", "赵趙昭照兆钊釗"), ("zhen", "甄真振珍镇鎮震贞貞"), ("zheng", "郑鄭正政征峥崢"),
    ("zhi", "之志智知芝治致植制织織"), ("zhong", "中钟鍾鐘忠仲众眾"), ("zhou", "周州洲舟"),
    ("zhu", "朱祝诸諸竹珠柱"), ("zhuang", "庄莊壮壯"), ("zhuo", "卓"), ("zi", "子紫自"), ("zong", "宗"),
    ("zou", "邹鄒"), ("zu", "祖组組"), ("zuo", "左佐作"),
    // Syllables met only in titles (党中央, 对外, 战略, 产业, 部门…).
    ("tai", "太"), ("ben", "本"), ("biao", "表"), ("bu", "部"), ("ce", "策"), ("chan", "产產"), ("dui", "对對"), ("lue", "略"),
    ("men", "门門"), ("wai", "外"),
  ]

  /// Character → syllable, built once.
  static let syllables: [Character: String] = {
    var table: [Character: String] = [:]
    for (syllable, characters) in rows {
      for character in characters where table[character] == nil { table[character] = syllable }
    }
    return table
  }()

  /// The pinyin of a Han character, if the table holds it.
  public static func syllable(_ character: Character) -> String? { syllables[character] }
}
