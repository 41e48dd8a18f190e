import { defineMessages } from '../i18n/i18n';

/** Words of the residents' survey of cadres (群众测评). */
export const surveyMessages = defineMessages(
  {
    title: '群众测评',
    intro: '请对下列干部的工作作出评价。每个手机号只能参加一次，手机号仅用于验证，不会公开。',
    closed: '本次测评已结束',
    satisfied: '满意',
    basicallySatisfied: '基本满意',
    dissatisfied: '不满意',
    phone: '手机号',
    phoneInvalid: '请输入11位手机号',
    sendCode: '获取验证码',
    codeSent: '验证码已发送，{minutes}分钟内有效',
    code: '验证码',
    codeInvalid: '请输入6位验证码',
    submit: '提交测评',
    pickOne: '请至少评价一位干部',
    thanks: '感谢您的评价',
  },
  {
    title: 'Residents’ survey',
    intro: 'Please rate the work of the cadres below. Each phone may vote once; the number only verifies you and is never shown.',
    closed: 'This survey is closed',
    satisfied: 'Satisfied',
    basicallySatisfied: 'Basically satisfied',
    dissatisfied: 'Dissatisfied',
    phone: 'Mobile number',
    phoneInvalid: 'Enter an 11-digit mobile number',
    sendCode: 'Get a code',
    codeSent: 'Code sent, valid for {minutes} minutes',
    code: 'Code',
    codeInvalid: 'Enter the 6-digit code',
    submit: 'Submit',
    pickOne: 'Rate at least one cadre',
    thanks: 'Thank you for your answers',
  },
);
