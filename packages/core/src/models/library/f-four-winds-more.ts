import type { ModelSpec } from '../spec-types.js';
import {
  agg,
  cmp,
  eq,
  fn,
  HOLIDAY_PARAMS,
  isNull,
  notExists,
  notNull,
  offDay,
  or,
  param,
  parameter,
  test,
  val,
  zhEn,
} from './build.js';

// F: "four winds" and public funds, F06–F09.

export const F06: ModelSpec = {
  id: 'F06',
  version: 1,
  name: zhEn('餐费异常高', 'Meal price outlier'),
  category: 'F',
  inputs: ['reimbursement', 'invoice'],
  parameters: [
    parameter('k', 'number', 3, '标准差倍数', 'Standard deviations', { min: 0, max: 10 }),
    parameter('min_records', 'int', 20, '商户最少记录数', 'Records per seller at least', { unit: 'count', min: 3 }),
  ],
  severity: 'yellow',
  basis: zhEn(
    '《党政机关国内公务接待管理规定》：接待标准；统计离群（均值+k·标准差）',
    'Official reception rules: meal standards; statistical outlier (mean + k·sd)',
  ),
  explanation: zhEn(
    '{unit}在{seller}的餐费{amount}元，高于该商户均值{mean}元加{k}倍标准差（{high_fence}元）',
    '{unit} paid {amount} yuan at {seller}, above its mean {mean} plus {k} sd ({high_fence})',
  ),
  handling: zhEn(
    '核查消费明细，是否超标准接待或夹带烟酒',
    'Check the itemised bill for excess or hidden tobacco and alcohol',
  ),
  incremental: false,
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'reimbursement', role: 'reimbursement', where: [eq('r.category', { value: 'meal' })] },
      { alias: 'i', dataset: 'invoice', role: 'invoice', on: [eq('i.invoice_no', 'r.invoice_no')] },
    ],
    outlier: {
      value: 'r.amount',
      partitionBy: ['i.seller_uscc'],
      method: 'mean_sd',
      k: param('k'),
      side: 'high',
      minCount: param('min_records'),
    },
    subject: 'r.claimant_id',
    related: ['i.seller_uscc'],
    facts: {
      unit: 'r.unit_name',
      seller: 'i.seller_name',
      amount: 'r.amount',
      mean: { stat: 'mean' },
      high_fence: { stat: 'high_fence' },
      k: param('k'),
    },
  },
};

export const F07: ModelSpec = {
  id: 'F07',
  // v3: hour_of and date_of read the wall clock themselves; v2 shifted by hand and would now shift twice.
  version: 3,
  name: zhEn('公车私用', 'Public car off-duty'),
  category: 'F',
  inputs: ['vehicle_trip'],
  parameters: [
    ...HOLIDAY_PARAMS,
    parameter('work_start', 'int', 8, '上班时间（时）', 'Working day starts (hour)', {
      unit: 'hours',
      min: 0,
      max: 23,
    }),
    parameter('work_end', 'int', 18, '下班时间（时）', 'Working day ends (hour)', { unit: 'hours', min: 1, max: 24 }),
  ],
  severity: 'orange',
  basis: zhEn('《党政机关公务用车管理办法》第二十一条：严禁公车私用', 'Official car rules art. 21: no private use'),
  explanation: zhEn(
    '{plate}于{start_at}出车至{to_place}，无派车单（节假日：{off_day}）',
    '{plate} left at {start_at} for {to_place} without a dispatch order (holiday: {off_day})',
  ),
  handling: zhEn('核查用车事由与审批', 'Check the purpose and approval of the trip'),
  incremental: { drivers: ['vehicle_trip'] },
  logic: {
    kind: 'rule',
    sources: [
      {
        alias: 't',
        dataset: 'vehicle_trip',
        role: 'trip',
        where: [or(isNull('t.dispatch_no'), eq('t.dispatch_no', { value: '' }))],
      },
    ],
    where: [
      or(
        offDay('t.start_at'),
        cmp(fn('hour_of', 't.start_at'), '<', param('work_start')),
        cmp(fn('hour_of', 't.start_at'), '>=', param('work_end')),
      ),
    ],
    subject: { value: null },
    facts: {
      plate: 't.plate',
      unit: 't.unit_name',
      start_at: 't.start_at',
      to_place: 't.to_place',
      off_day: test(offDay('t.start_at')),
    },
  },
};

export const F08: ModelSpec = {
  id: 'F08',
  version: 1,
  name: zhEn('公车去向异常', 'Car at scenic or leisure places'),
  category: 'F',
  inputs: ['vehicle_trip'],
  parameters: [
    parameter(
      'geofences',
      'geofences',
      [],
      '电子围栏（景区、高尔夫球场、度假村）',
      'Geofences (scenic spots, golf, resorts)',
    ),
  ],
  severity: 'yellow',
  basis: zhEn('《党政机关公务用车管理办法》：公车不得用于旅游、休闲', 'Official car rules: no tourism or leisure'),
  explanation: zhEn(
    '{plate}于{start_at}驶入敏感区域（{to_place}）',
    '{plate} entered a flagged area ({to_place}) on {start_at}',
  ),
  handling: zhEn('核查出车事由与行程', 'Check the purpose and the route'),
  incremental: { drivers: ['vehicle_trip'] },
  logic: {
    kind: 'rule',
    sources: [{ alias: 't', dataset: 'vehicle_trip', role: 'trip', where: [notNull('t.to_lat'), notNull('t.to_lon')] }],
    where: [{ op: 'within_any', lat: 't.to_lat', lon: 't.to_lon', fences: { param: 'geofences' } }],
    subject: { value: null },
    facts: {
      plate: 't.plate',
      unit: 't.unit_name',
      start_at: 't.start_at',
      to_place: 't.to_place',
      to_lat: 't.to_lat',
      to_lon: 't.to_lon',
    },
  },
};

const fuelFacts = (reason: string) => ({
  reason: { value: reason },
  plate: 'f.plate',
  filled_at: 'f.filled_at',
  litres: 'f.litres',
});
export const F09: ModelSpec = {
  id: 'F09',
  // v3: hour_of and date_of read the wall clock themselves; v2 shifted by hand and would now shift twice.
  version: 3,
  name: zhEn('加油异常', 'Fuel anomalies'),
  category: 'F',
  inputs: ['fuel', 'vehicle_trip'],
  parameters: [
    parameter('max_km', 'number', 10, '加油站距车辆位置上限', 'Station distance from the car at most', {
      unit: 'km',
      min: 0,
    }),
  ],
  severity: 'orange',
  basis: zhEn(
    '《党政机关公务用车管理办法》：公务用车实行定点加油、单车核算',
    'Official car rules: designated fuelling and per-car accounts',
  ),
  explanation: zhEn(
    '{plate}于{filled_at}加油{litres}升：{reason}',
    '{plate} took {litres} litres at {filled_at}: {reason}',
  ),
  handling: zhEn(
    '核查加油卡使用人与加油记录，是否私车公养',
    'Check who used the fuel card; look for private cars fuelled on public money',
  ),
  incremental: false,
  // Trip records carry the destination only, so "the car's position" is the destination of the
  // trip under way when it filled up.
  logic: {
    kind: 'union',
    branches: [
      {
        name: 'over_tank',
        kind: 'rule',
        sources: [{ alias: 'f', dataset: 'fuel', role: 'fuel', where: [notNull('f.tank_litres')] }],
        where: [cmp('f.litres', '>', 'f.tank_litres')],
        subject: { value: null },
        facts: fuelFacts('超过油箱容积 more than the tank holds'),
      },
      {
        name: 'twice_a_day',
        kind: 'rule',
        sources: [{ alias: 'f', dataset: 'fuel', role: 'fuel' }],
        aggregate: {
          groupBy: ['f.plate', fn('date_of', 'f.filled_at')],
          having: [cmp(agg('count'), '>=', { value: 2 })],
        },
        subject: { value: null },
        facts: {
          reason: { value: '同日多次加油 several fills in a day' },
          plate: 'f.plate',
          filled_at: fn('date_of', 'f.filled_at'),
          litres: agg('sum', 'f.litres'),
        },
      },
      {
        name: 'far_from_car',
        kind: 'rule',
        sources: [
          { alias: 'f', dataset: 'fuel', role: 'fuel', where: [notNull('f.station_lat'), notNull('f.station_lon')] },
          {
            alias: 't',
            dataset: 'vehicle_trip',
            role: 'trip',
            // The car is where its latest trip begun before the fill was going: under way, or parked
            // there. Only trips of the three days before count, so the join stays a narrow band.
            on: [
              eq('t.plate', 'f.plate'),
              cmp('t.start_at', '<=', 'f.filled_at'),
              cmp('t.start_at', '>', fn('add_days', 'f.filled_at', val(-3))),
              notExists(
                'n',
                'vehicle_trip',
                eq('n.plate', 't.plate'),
                cmp('n.start_at', '>', 't.start_at'),
                cmp('n.start_at', '<=', 'f.filled_at'),
              ),
            ],
            where: [notNull('t.to_lat')],
          },
        ],
        where: [cmp(fn('distance_km', 'f.station_lat', 'f.station_lon', 't.to_lat', 't.to_lon'), '>', param('max_km'))],
        subject: { value: null },
        facts: {
          ...fuelFacts('加油站远离车辆位置 station far from the car'),
          distance_km: fn('distance_km', 'f.station_lat', 'f.station_lon', 't.to_lat', 't.to_lon'),
        },
      },
    ],
  },
};
